package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.AgentMain;
import ai.mindbot.agent.e2e.Peers;
import ai.mindbot.agent.e2e.Speech;
import ai.mindbot.agent.local.RecordingSpeaker;
import ai.mindbot.agent.local.TestSoundCard;
import ai.mindbot.agent.local.WavMicrophone;
import ai.mindbot.agent.mindbot.console.MindBotConsole;
import ai.mindbot.common.test.Http;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./mindbot agent console --email ...} as a voice call: the real auth and time services, the
 * offline voice (Silero, pocketsphinx, flite; scripts/install-voice), and in place of a sound card a
 * microphone fed with flite's speech that also hears the speaker, 150 ms later at half its loudness,
 * as a laptop's microphone hears its loudspeaker.
 */
@Tag("e2e")
class ConsoleVoiceIT {

    /** RMS of a 10 ms frame above which the speaker is saying something (flite's speech is in the thousands). */
    private static final double SPEECH_RMS = 500;

    static AgentServices services;
    static Map<String, String> agentEnv;

    @BeforeAll
    static void start() {
        services = AgentServices.start();
        agentEnv = new HashMap<>(services.agentEnv());
        agentEnv.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        agentEnv.put("MINDBOT_HOME", Peers.repoRoot().toString());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aSpokenQuestionIsAnsweredAloudWithTheBalanceAndCaptionedAndTheCallIsBilledOnce() throws Exception {
        String token = services.register("ann@example.com", "Ann Example");
        Http timeApi = new Http(services.time.baseUrl());
        AgentServices.buyAnHour(services.time, token);
        Path question = Speech.wav("how much time do i have left");

        RecordingSpeaker speaker = new RecordingSpeaker();
        WavMicrophone microphone = new WavMicrophone(speaker, 150, 0.5);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream typed = new PipedInputStream(keyboard);
        CompletableFuture<Integer> console = CompletableFuture.supplyAsync(() -> MindBotConsole.run(
                new String[] {"--email", "ann@example.com"},
                agentEnv,
                typed,
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                email -> ("password-" + email).toCharArray(),
                AgentMain.selectedVoice(),
                TestSoundCard.with(microphone, speaker)));
        try {
            // the greeting is spoken in full: MindBot does not take its own voice, heard by the microphone, for Ann's
            await("the greeting's caption", () -> output(printed).contains("MindBot: Welcome back, Ann!"));
            awaitQuiet(speaker, 0, "the greeting to end");
            assertThat(output(printed)).as("MindBot heard itself").doesNotContain("You:");
            int greetingFrames = speaker.loudFrames(0, SPEECH_RMS);
            assertThat(greetingFrames).as("10 ms frames of greeting audio").isGreaterThan(150);

            int asked = speaker.frames();
            microphone.say(question);
            await("Ann's words, recognised", () -> output(printed).contains("You: how much time do i have left"));
            await(
                    "the answer's caption",
                    () -> output(printed)
                            .matches("(?s).*MindBot: [^\\n]*You have (about )?an hour of conversation time left\\..*"));
            awaitQuiet(speaker, asked, "the answer to end");
            assertThat(speaker.loudFrames(asked, SPEECH_RMS))
                    .as("10 ms frames of the spoken answer")
                    .isGreaterThan(100);

            // typing still works in a voice call, and is answered aloud as well
            int typedAt = speaker.frames();
            keyboard.write("what packages are there\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            await("the typed question's answer", () -> output(printed).contains("MindBot: There are three time cards"));
            awaitQuiet(speaker, typedAt, "the packages answer to end");
            assertThat(speaker.loudFrames(typedAt, SPEECH_RMS))
                    .as("frames of the spoken packages answer")
                    .isGreaterThan(100);

            keyboard.write("/quit\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(console.get(30, TimeUnit.SECONDS)).as(output(printed)).isZero();
        } finally {
            speaker.writeWav(Path.of("target", "console-voice-speaker.wav"));
            System.out.println(output(printed));
            keyboard.close();
        }
        JsonNode sessions = timeApi.get("/time/sessions", token).json();
        assertThat(sessions.get("total").asLong()).isEqualTo(1);
        JsonNode session = sessions.get("sessions").get(0);
        assertThat(session.get("status").asString()).isEqualTo("ended");
        long billed = session.get("billed_seconds").asLong();
        assertThat(billed).as("seconds billed for the call").isBetween(5L, 120L);
        assertThat(timeApi.get("/time/balance", token)
                        .json()
                        .get("balance_seconds")
                        .asLong())
                .isEqualTo(3600 - billed);
    }

    private static String output(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 60 s for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Until the speaker has said something since frame {@code since} and then been quiet for a second and a half. */
    /**
     * Waits until something was played since {@code since} and the last 2.5 s were silent: longer than
     * the conversation's false-interruption timeout (2 s), so an answer the echo of its own voice paused
     * (a loaded machine's echo canceller lags) and that then resumed counts whole.
     */
    private static void awaitQuiet(RecordingSpeaker speaker, int since, String what) throws InterruptedException {
        await(what, () -> {
            int frames = speaker.frames();
            return speaker.loudFrames(since, SPEECH_RMS) > 0 && speaker.loudFrames(frames - 250, SPEECH_RMS) == 0;
        });
    }
}
