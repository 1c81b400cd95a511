package ai.mindbot.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.api.Agent;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.echo.EchoAgent;
import ai.mindbot.agent.worker.AgentJob;
import ai.mindbot.agent.worker.AgentWorker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The worker's life with a real livekit-server: restarts, the job limit, explicit dispatch by name
 * and draining. Each test gets its own server so they cannot disturb each other.
 */
@Tag("e2e")
class AgentWorkerIT extends LiveKitPerTest {

    @Test
    void survivesALiveKitRestartAndTakesNewJobs() throws Exception {
        String before = startRegistered(config(5));

        server.stop();
        server.start();

        String after = worker.registration().get(30, TimeUnit.SECONDS);
        assertThat(after).isNotEqualTo(before);
        JsonNode result = EchoPeer.result(EchoPeer.join(server, room(), "caller", Map.of("TONE_HZ", "523"))
                .await(60));
        assertThat(result.path("echoHz").asInt()).isBetween(513, 533);
    }

    @Test
    void takesNoMoreRoomsThanItsLimit() throws Exception {
        startRegistered(config(1));

        EchoPeer first = EchoPeer.join(server, room(), "first", Map.of("BURSTS", "6"));
        awaitJobs(1);
        JsonNode second = EchoPeer.result(EchoPeer.join(server, room(), "second", Map.of("WAIT_AGENT_MS", "6000"))
                .await(60));

        assertThat(second.path("agent").isNull()).isTrue();
        assertThat(EchoPeer.result(first.await(60)).path("echoes").asInt()).isEqualTo(6);
    }

    @Test
    void aNamedAgentJoinsOnlyRoomsThatDispatchIt() throws Exception {
        startRegistered(config(5).withAgentName("mindbot-echo"));

        JsonNode undispatched = EchoPeer.result(EchoPeer.join(server, room(), "plain", Map.of("WAIT_AGENT_MS", "5000"))
                .await(60));
        JsonNode dispatched =
                EchoPeer.result(EchoPeer.join(server, room(), "named", Map.of("AGENT_NAME", "mindbot-echo"))
                        .await(60));

        assertThat(undispatched.path("agent").isNull()).isTrue();
        assertThat(dispatched.path("echoes").asInt()).isEqualTo(3);
    }

    @Test
    void drainingLetsTheRunningRoomFinishThenDisconnects() throws Exception {
        startRegistered(config(5));
        EchoPeer caller = EchoPeer.join(server, room(), "caller", Map.of("BURSTS", "4"));
        awaitJobs(1);

        int forced = worker.drain(Duration.ofSeconds(30));

        assertThat(forced).isZero();
        assertThat(EchoPeer.result(caller.await(30)).path("echoes").asInt()).isEqualTo(4);
        assertThat(worker.activeJobs()).isZero();
        assertThat(worker.workerId()).isNull();
    }

    @Test
    void aRoomWhoseSignallingDropsResumesAndKeepsEchoing() throws Exception {
        startRegistered(config(5));
        EchoPeer caller = EchoPeer.join(server, room(), "caller", Map.of("BURSTS", "6"));
        AgentJob job = callUnderWay();
        assertThat(job.tokenRefreshes())
                .as("LiveKit sends a fresh token on joining")
                .isPositive();

        job.dropSignalling();

        awaitResuming(job, true);
        awaitResuming(job, false);
        JsonNode result = EchoPeer.result(caller.await(60));
        assertThat(result.path("echoes").asInt())
                .as("every burst echoed, before and after the drop")
                .isEqualTo(6);
        assertThat(result.path("echoMs").asInt())
                .isGreaterThanOrEqualTo(result.path("sentMs").asInt() / 2);
        // the caller's leaving reaches us over the resumed socket, and ends the job
        awaitJobs(0);
    }

    @Test
    void aCallOutlivesANetworkDropOfEveryConnectionToLiveKit() throws Exception {
        try (TcpProxy network = new TcpProxy(server.port())) {
            startRegistered(throughProxy(network));
            EchoPeer caller = EchoPeer.join(server, room(), "caller", Map.of("BURSTS", "6"));
            AgentJob job = callUnderWay();

            assertThat(network.cutAll())
                    .as("the worker's and the room's sockets")
                    .isEqualTo(2);

            awaitResuming(job, true);
            awaitResuming(job, false);
            JsonNode result = EchoPeer.result(caller.await(60));
            assertThat(result.path("echoes").asInt()).isEqualTo(6);
            assertThat(worker.registration().get(15, TimeUnit.SECONDS))
                    .as("the worker registered again")
                    .isNotNull();
            awaitJobs(0);
        }
    }

    @Test
    void aSignallingSocketThatGoesSilentIsResumedAfterTwoMissedPongs() throws Exception {
        try (TcpProxy network = new TcpProxy(server.port())) {
            startRegistered(throughProxy(network));
            EchoPeer caller = EchoPeer.join(server, room(), "caller", Map.of("BURSTS", "16"));
            AgentJob job = callUnderWay();

            assertThat(network.blackhole("/rtc")).isEqualTo(1);
            long silentAt = System.nanoTime();

            awaitResuming(job, true, 25);
            long noticedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentAt);
            awaitResuming(job, false, 15);
            System.out.printf("AgentWorkerIT: a silent signalling socket was noticed after %d ms%n", noticedMs);
            assertThat(noticedMs)
                    .as("two missed pongs, well before LiveKit's 15 s")
                    .isBetween(9_000L, 13_000L);
            JsonNode result = EchoPeer.result(caller.await(60));
            assertThat(result.path("echoes").asInt())
                    .as("the call went on meanwhile")
                    .isEqualTo(16);
        }
    }

    @Test
    void anAgentSeesWhoJoinedAndCanRemoveThemFromTheRoom() throws Exception {
        CompletableFuture<Participant> joined = new CompletableFuture<>();
        worker = new AgentWorker(config(5), job -> new Agent() {
                    private Room room;

                    @Override
                    public void onJobStart(Room room) {
                        this.room = room;
                    }

                    @Override
                    public void onParticipantJoined(Participant participant) {
                        joined.complete(participant);
                    }

                    @Override
                    public void onText(Participant from, String topic, String text) {
                        room.removeParticipant(from.identity());
                    }
                })
                .start();
        worker.registration().get(15, TimeUnit.SECONDS);

        List<JsonNode> events = EchoPeer.join(
                        server, room(), "unwelcome", Map.of("CHAT", "let me stay", "BURSTS", "1", "STAY_MS", "8000"))
                .await(60);

        assertThat(events)
                .anySatisfy(e -> assertThat(e.path("event").asString("")).isEqualTo("disconnected"));
        Participant caller = joined.get(1, TimeUnit.SECONDS);
        assertThat(caller.identity()).isEqualTo("unwelcome");
        assertThat(caller.name()).isEqualTo("Test Caller");
        assertThat(caller.metadata()).isEqualTo("{\"plan\":\"test\"}");
        assertThat(caller.attributes()).containsEntry("mindbot.lang", "en");
        assertThat(caller.kind()).isEqualTo(Participant.Kind.STANDARD);
    }

    private AgentConfig config(int maxJobs) {
        return server.workerConfig(maxJobs);
    }

    /** The worker reaches LiveKit through {@code network}, so a test can cut or silence its sockets. */
    private static AgentConfig throughProxy(TcpProxy network) {
        return LiveKitServer.workerConfig(URI.create("ws://127.0.0.1:" + network.port()), 5);
    }

    /** An echo worker with {@code config}, registered; the answer is its worker id. */
    private String startRegistered(AgentConfig config) throws Exception {
        worker = new AgentWorker(config, job -> new EchoAgent()).start();
        return worker.registration().get(15, TimeUnit.SECONDS);
    }

    /** The one room's job once it has started and the call is under way. */
    private AgentJob callUnderWay() throws Exception {
        awaitJobs(1);
        AgentJob job = worker.jobs().get(0);
        job.started().get(20, TimeUnit.SECONDS);
        Thread.sleep(1500); // into the first bursts: the caller's microphone is subscribed, no offer is left unanswered
        return job;
    }

    private void awaitJobs(int jobs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (worker.activeJobs() != jobs && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(worker.activeJobs()).isEqualTo(jobs);
    }

    private static void awaitResuming(AgentJob job, boolean resuming) throws InterruptedException {
        awaitResuming(job, resuming, 15);
    }

    private static void awaitResuming(AgentJob job, boolean resuming, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (job.resuming() != resuming && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(job.resuming()).as("resuming").isEqualTo(resuming);
    }

    private static String room() {
        return "worker-" + UUID.randomUUID();
    }
}
