package ai.mindbot.agent.e2e;

import ai.mindbot.agent.worker.AgentWorker;
import org.junit.jupiter.api.AfterEach;

/**
 * For test classes whose every test gets a livekit-server of its own (so tests that restart or cut
 * it cannot disturb each other) and starts the worker it needs; both stop after the test.
 */
abstract class LiveKitPerTest {

    final LiveKitServer server = new LiveKitServer().start();
    AgentWorker worker;

    @AfterEach
    void stopWorkerAndServer() {
        if (worker != null) {
            worker.close();
        }
        server.stop();
    }
}
