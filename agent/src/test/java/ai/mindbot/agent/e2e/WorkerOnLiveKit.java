package ai.mindbot.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.AgentFactory;
import ai.mindbot.agent.worker.AgentWorker;
import java.util.concurrent.TimeUnit;

/** A livekit-server of its own and one worker registered with it, shared by a test class; closing stops both. */
final class WorkerOnLiveKit implements AutoCloseable {

    final LiveKitServer server = new LiveKitServer().start();
    AgentWorker worker;

    private WorkerOnLiveKit() {}

    /** A worker taking up to {@code maxJobs} rooms, registered before this returns. */
    static WorkerOnLiveKit start(int maxJobs, AgentFactory agents) throws Exception {
        WorkerOnLiveKit live = new WorkerOnLiveKit();
        try {
            live.worker = new AgentWorker(live.server.workerConfig(maxJobs), agents).start();
            assertThat(live.worker.registration().get(15, TimeUnit.SECONDS)).isNotBlank();
            return live;
        } catch (Exception | AssertionError e) {
            live.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
        server.stop();
    }
}
