package ai.mindbot.agent.voice.deepgram;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.fakes.DeepgramMessages;
import ai.mindbot.agent.voice.fakes.FakeDeepgramListen;
import ai.mindbot.agent.voice.fakes.Recorder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeepgramSttIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeDeepgramListen deepgram;
    private DeepgramStt stt;

    @BeforeEach
    void start() throws Exception {
        deepgram = FakeDeepgramListen.start();
        stt = new DeepgramStt(settings(), Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        deepgram.close();
    }

    private DeepgramSettings settings() {
        return DeepgramSettings.from(Map.of("DEEPGRAM_API_KEY", "dg-test-key", "DEEPGRAM_BASE_URL", deepgram.baseUrl()))
                .orElseThrow();
    }

    private static short[] tenthOfASecond(short value) {
        short[] samples = new short[1600];
        Arrays.fill(samples, value);
        return samples;
    }

    /** Deepgram's side of {@code stream}, which opens on the first audio: a tenth of a second of silence. */
    private FakeDeepgramListen.Session sessionAfterSilence(Stt.SttStream stream) throws InterruptedException {
        stream.push(tenthOfASecond((short) 0));
        return deepgram.nextSession(WAIT);
    }

    @Test
    void streamsLinear16AndReportsInterimFinalAndEndOfSpeechInOrder() throws Exception {
        Recorder<SttEvent> events = new Recorder<>();
        try (Stt.SttStream stream = stt.stream(events)) {
            for (int i = 0; i < 5; i++) {
                stream.push(tenthOfASecond((short) 0x0102));
            }
            FakeDeepgramListen.Session session = deepgram.nextSession(WAIT);
            session.awaitAudioBytes(5 * 1600 * 2, WAIT);

            assertThat(session.header("Authorization")).isEqualTo("Token dg-test-key");
            assertThat(session.target())
                    .startsWith("/v1/listen?")
                    .contains(
                            "model=nova-3",
                            "encoding=linear16",
                            "sample_rate=16000",
                            "channels=1",
                            "interim_results=true",
                            "endpointing=25",
                            "utterance_end_ms=1000",
                            "vad_events=true",
                            "language=en");
            byte[] audio = session.audio();
            assertThat(audio).hasSize(16_000);
            assertThat(new byte[] {audio[0], audio[1]}).containsExactly(0x02, 0x01);

            session.send(DeepgramMessages.speechStarted(0.42));
            session.send(DeepgramMessages.results("how much", false, false, 0.4, 0.5));
            session.send(DeepgramMessages.results("how much time do I", false, false, 0.4, 1.0));
            session.send(DeepgramMessages.results("How much time do I have?", true, true, 0.4, 1.4));
            // The word-gap fallback arriving after endpointing must not end the utterance twice.
            session.send(DeepgramMessages.utteranceEnd(1.8));
            session.send(DeepgramMessages.speechStarted(3.0));
            events.awaitAny(e -> events.events().size() >= 6, WAIT);
        }

        assertThat(events.events())
                .containsExactly(
                        new SttEvent.StartOfSpeech(),
                        new SttEvent.Interim("how much"),
                        new SttEvent.Interim("how much time do I"),
                        new SttEvent.Final("How much time do I have?", 0.98),
                        new SttEvent.EndOfSpeech(),
                        new SttEvent.StartOfSpeech());
    }

    @Test
    void utteranceEndClosesAnUtteranceThatEndpointingMissed() throws Exception {
        Recorder<SttEvent> events = new Recorder<>();
        try (Stt.SttStream stream = stt.stream(events)) {
            FakeDeepgramListen.Session session = sessionAfterSilence(stream);
            // No SpeechStarted: words alone open the utterance, as LiveKit's plugin also assumes.
            session.send(DeepgramMessages.results("add ten", false, false, 0.0, 0.6));
            session.send(DeepgramMessages.results("add ten minutes", true, false, 0.0, 1.1));
            session.send(DeepgramMessages.results("", true, false, 1.1, 0.9));
            session.send(DeepgramMessages.utteranceEnd(1.1));
            events.awaitType(SttEvent.EndOfSpeech.class, WAIT);
        }

        assertThat(events.events())
                .containsExactly(
                        new SttEvent.StartOfSpeech(),
                        new SttEvent.Interim("add ten"),
                        new SttEvent.Final("add ten minutes", 0.98),
                        new SttEvent.EndOfSpeech());
    }

    @Test
    void flushAsksDeepgramToFinalizeAndItsAnswerEndsTheUtterance() throws Exception {
        Recorder<SttEvent> events = new Recorder<>();
        try (Stt.SttStream stream = stt.stream(events)) {
            FakeDeepgramListen.Session session = sessionAfterSilence(stream);
            session.answerFinalizeWith("what is my balance");
            stream.flush();
            session.awaitText("Finalize", WAIT);
            events.awaitType(SttEvent.EndOfSpeech.class, WAIT);
        }

        assertThat(events.events())
                .containsExactly(
                        new SttEvent.StartOfSpeech(),
                        new SttEvent.Final("what is my balance", 0.98),
                        new SttEvent.EndOfSpeech());
    }

    @Test
    void sendsKeepAliveWhileNoAudioFlows() throws Exception {
        Recorder<SttEvent> events = new Recorder<>();
        long opened = System.nanoTime();
        try (Stt.SttStream stream = stt.stream(events)) {
            FakeDeepgramListen.Session session = deepgram.nextSession(WAIT);
            Thread.sleep(700);
            long keepAlives = session.texts().stream()
                    .filter(t -> t.equals("{\"type\":\"KeepAlive\"}"))
                    .count();
            // the upper bound from the time that really passed: on a loaded machine the sleep runs long
            long elapsedMillis = (System.nanoTime() - opened) / 1_000_000;
            assertThat(keepAlives)
                    .as("KeepAlives in %d ms at a 200 ms interval", elapsedMillis)
                    .isBetween(2L, elapsedMillis / 200 + 1);
            assertThat(session.audioBytes()).isZero();
        }
        assertThat(events.events()).isEmpty();
    }

    @Test
    void closeSendsCloseStreamAndDeliversNothingAfterwards() throws Exception {
        Recorder<SttEvent> events = new Recorder<>();
        Stt.SttStream stream = stt.stream(events);
        stream.push(tenthOfASecond((short) 7));
        FakeDeepgramListen.Session session = deepgram.nextSession(WAIT);
        session.awaitAudioBytes(3200, WAIT);

        stream.close();
        session.awaitText("CloseStream", WAIT);
        Thread.sleep(200);

        assertThat(session.closedByClient()).isTrue();
        // The fake answered with Metadata and a normal close: neither is an event, nor a failure.
        assertThat(events.events()).isEmpty();
        stream.push(tenthOfASecond((short) 7));
        stream.flush();
        assertThat(session.texts()).doesNotContain("{\"type\":\"Finalize\"}");
    }

    @Test
    void aRefusedKeyFailsTheStreamOnceWithAClearMessage() throws Exception {
        deepgram.refuseNext(401);
        Recorder<SttEvent> events = new Recorder<>();
        try (Stt.SttStream stream = stt.stream(events)) {
            stream.push(tenthOfASecond((short) 0));
            events.awaitType(SttEvent.Failed.class, WAIT);
            Thread.sleep(300);
            stream.push(tenthOfASecond((short) 0));
        }

        assertThat(events.events()).hasSize(1);
        Throwable error = ((SttEvent.Failed) events.events().get(0)).error();
        assertThat(error).hasMessageContaining("401").hasMessageContaining("DEEPGRAM_API_KEY");
        assertThat(error.getMessage()).doesNotContain("dg-test-key");
    }

    @Test
    void aSocketDroppedMidUtteranceFailsTheStreamWithoutHanging() throws Exception {
        Recorder<SttEvent> events = new Recorder<>();
        try (Stt.SttStream stream = stt.stream(events)) {
            FakeDeepgramListen.Session session = sessionAfterSilence(stream);
            session.send(DeepgramMessages.speechStarted(0.1));
            session.send(DeepgramMessages.results("I want to buy", false, false, 0.1, 0.8));
            events.awaitType(SttEvent.Interim.class, WAIT);

            deepgram.dropConnections();
            List<SttEvent> seen = events.awaitType(SttEvent.Failed.class, WAIT);
            // Pushing into a failed stream is harmless: the engine may still be sending frames.
            stream.push(tenthOfASecond((short) 0));
            stream.flush();
            assertThat(seen).hasSize(3);
        }
        assertThat(events.events().subList(0, 2))
                .containsExactly(new SttEvent.StartOfSpeech(), new SttEvent.Interim("I want to buy"));
        assertThat(((SttEvent.Failed) events.events().get(2)).error()).hasMessageContaining("Deepgram");
    }

    @Test
    void aCloseFromDeepgramFailsTheStream() throws Exception {
        Recorder<SttEvent> events = new Recorder<>();
        try (Stt.SttStream stream = stt.stream(events)) {
            FakeDeepgramListen.Session session = deepgram.nextSession(WAIT);
            session.closeWith(1011, "NET-0001");
            events.awaitType(SttEvent.Failed.class, WAIT);
        }
        assertThat(events.events()).hasSize(1);
        assertThat(((SttEvent.Failed) events.events().get(0)).error())
                .hasMessageContaining("1011")
                .hasMessageContaining("NET-0001");
    }
}
