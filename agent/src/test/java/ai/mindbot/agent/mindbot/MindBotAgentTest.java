package ai.mindbot.agent.mindbot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.mindbot.brain.OfflineBrain;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.metering.MeteringRules;
import ai.mindbot.agent.mindbot.services.JsonHttp;
import ai.mindbot.agent.mindbot.tools.WeatherService;
import ai.mindbot.agent.voice.ConversationListener;
import ai.mindbot.agent.voice.VoiceOptions;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.testing.FakeRoom;
import ai.mindbot.agent.voice.testing.FakeStt;
import ai.mindbot.agent.voice.testing.FakeTts;
import ai.mindbot.agent.voice.testing.LoudnessVad;
import ai.mindbot.agent.voice.testing.ManualExecutor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MindBot in a fake room under a manual clock: the engine, the offline brain, the tools and the time keeper together. */
class MindBotAgentTest {

    private static final Participant JOHN = new Participant(
            "PA_1",
            "user-7",
            "John Doe",
            "{\"user_id\":\"7\"}",
            Map.of("mindbot.user_id", "7", "mindbot.email", "john@example.com"),
            Participant.Kind.STANDARD);
    private static final Participant GUEST = new Participant(
            "PA_2",
            "guest-0123456789abcdef",
            "Guest",
            "{\"guest\":true}",
            Map.of("mindbot.guest", "true"),
            Participant.Kind.STANDARD);

    private final ManualExecutor clock = new ManualExecutor();
    private final RecordingRoom room = new RecordingRoom(new FakeRoom(clock));
    private final FakeTts tts = new FakeTts(clock);
    private FakeTimeService time;
    private MindBotAgent agent;

    private final List<String> userTurns = new CopyOnWriteArrayList<>();

    private void join(Participant who, long balanceSeconds) {
        time = new FakeTimeService(() -> clock.nanoTime() / 1_000_000, balanceSeconds);
        URI nowhere = URI.create("http://127.0.0.1:9"); // the weather is not asked in these tests
        MindBotServices services = new MindBotServices(
                        time,
                        new WeatherService(JsonHttp.withDefaults(), nowhere, nowhere),
                        MeteringRules.defaults(),
                        VoiceOptions.defaults())
                .reportingTo(new ConversationListener() {
                    @Override
                    public void onUserTurn(String text) {
                        userTurns.add(text);
                    }
                });
        VoiceProviders providers = new VoiceProviders(
                new LoudnessVad(),
                new FakeStt(),
                new OfflineBrain(Runnable::run, Clock.systemUTC()),
                tts,
                "test fakes with the offline brain");
        agent = new MindBotAgent(services, providers);
        agent.onJobStart(room);
        agent.onParticipantJoined(who);
        clock.runPending();
    }

    @AfterEach
    void end() {
        if (agent != null) {
            agent.onJobEnd(new JobEnd(JobEnd.Reason.PARTICIPANTS_LEFT, ""));
            clock.runPending();
        }
    }

    /** Everything the agent has asked the synthesiser to say, in order. */
    private String said() {
        return String.join(" ", tts.requests().stream().map(r -> r.text.strip()).toList());
    }

    /** Runs the job until {@code done}, waiting in real time for tool and brain threads. */
    private void until(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        clock.runPending();
        // tool and brain work arrives in real time; speech plays in virtual time
        while (!clock.runUntil(done, Duration.ofMillis(50)) && System.nanoTime() < deadline) {
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(done.getAsBoolean()).as("in time; said so far: " + said()).isTrue();
    }

    @Test
    void greetsTheUserByNameWithTheirBalance() {
        join(JOHN, 9000);

        assertThat(said()).startsWith("Welcome back, John! You have 2.5 hours of conversation time remaining.");
        assertThat(time.activeSessions()).isEqualTo(1);
    }

    @Test
    void greetsAUserWithLittleTimeLeftWithTheLowBalanceGreeting() {
        join(JOHN, 600);
        clock.advance(Duration.ofSeconds(20)); // the greeting plays sentence by sentence

        assertThat(said()).startsWith("Hi John! You have 10 minutes left. Consider purchasing more time cards");
    }

    @Test
    void greetsAGuestWithoutBillingThem() {
        join(GUEST, 0);
        clock.advance(Duration.ofSeconds(20));

        assertThat(said()).startsWith("Hey there! I'm MindBot. Note that as a guest, your session time isn't tracked");
        assertThat(time.startCalls).isZero();
    }

    @Test
    void answersATypedQuestionAboutTheBalanceWithTheTimeServicesFigure() throws Exception {
        join(JOHN, 9000);
        clock.advance(Duration.ofSeconds(10));
        agent.onText(JOHN, Room.TOPIC_CHAT, "how much time do i have left");

        until(() -> said().contains("of conversation time left"));

        assertThat(said()).contains("You have about 2.5 hours of conversation time left.");
        assertThat(time.heartbeatCalls).isPositive();
        assertThat(userTurns)
                .containsExactly("how much time do i have left"); // the worker's metrics listener hears each call
    }

    @Test
    void saysGoodbyeAndRemovesTheCallerWhenTheBalanceRunsOut() {
        join(JOHN, 40);
        clock.advance(Duration.ofSeconds(45));

        assertThat(said())
                .contains("Your time is up, so I have to end our call now. Thanks for talking with me, John. Goodbye!");
        assertThat(room.removed).containsExactly("user-7");
        assertThat(clock.millis()).isGreaterThanOrEqualTo(40_000);
        long removedAtMillis = (room.removedAtNanos.get(0) - 1_000_000_000L) / 1_000_000;
        assertThat(removedAtMillis).isBetween(39_000L, 41_000L);
        assertThat(time.balance()).isZero();
        assertThat(time.activeSessions()).isZero();
    }

    @Test
    void afterTheGoodbyeTheCallerIsNoLongerAnswered() {
        join(JOHN, 40);
        clock.advance(Duration.ofSeconds(35)); // the goodbye started at 34 s
        agent.onText(JOHN, Room.TOPIC_CHAT, "hello");
        clock.advance(Duration.ofSeconds(10));

        assertThat(said()).contains("Goodbye!").doesNotContain("How can I help");
    }

    @Test
    void tellsAUserWithoutEnoughTimeWhyAndEndsTheCallWithoutACharge() {
        join(JOHN, 12);
        clock.advance(Duration.ofSeconds(15));

        assertThat(said())
                .startsWith("Hi John. I'm sorry, you have only 12 seconds left")
                .contains("Please buy a time card in the MindBot app");
        assertThat(room.removed).containsExactly("user-7");
        assertThat(time.balance()).isEqualTo(12);
        assertThat(time.billedSeconds()).isZero();
    }

    @Test
    void servesAndBillsNobodyTheAuthServiceDidNotMint() {
        join(
                new Participant(
                        "PA_3", "alice", "Alice", "", Map.of("mindbot.user_id", "7"), Participant.Kind.STANDARD),
                9000);

        assertThat(tts.requests()).isEmpty();
        assertThat(time.startCalls).isZero();
    }

    @Test
    void theCallerLeavingEndsTheSessionOnceAtTheTimeTalked() {
        join(JOHN, 9000);
        clock.advance(Duration.ofSeconds(95));
        agent.onParticipantLeft(JOHN);
        agent.onJobEnd(new JobEnd(JobEnd.Reason.PARTICIPANTS_LEFT, ""));
        clock.runPending();

        assertThat(time.endCalls).isEqualTo(1);
        assertThat(time.billedSeconds()).isEqualTo(95);
        assertThat(room.removed).isEmpty();
    }

    @Test
    void personaCarriesTheTimeRulesAndTheCallersName() {
        String prompt = Persona.instructions(new Caller(Caller.Kind.USER, "user-7", "7", "John", ""), 180);

        assertThat(prompt)
                .contains(
                        "MindBot",
                        "named John",
                        "check_time_balance",
                        "get_time_packages",
                        "estimate_session_cost",
                        "lookup_weather");
        assertThat(List.of(prompt.split("\n"))).noneMatch(String::isBlank);
    }
}
