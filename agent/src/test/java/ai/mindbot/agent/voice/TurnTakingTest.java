package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.testing.FakeRoom;
import ai.mindbot.agent.voice.testing.FakeStt;
import ai.mindbot.agent.voice.testing.VoiceTestbed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TurnTakingTest {

    /** Silence detection shorter than the endpointing delay, so the delay is what decides. */
    private static final VoiceOptions OPTIONS = new VoiceOptions(
            0.5,
            ms(50),
            ms(200),
            ms(500),
            Duration.ofSeconds(3),
            true,
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            "Let me check.",
            3,
            "Sorry, say that again?");

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void endsTheTurnAtTheMinimumDelayAfterTheLastSpeechWhenTheWordsAreFinal() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.llm.answer(ms(100), "Sure thing, here it comes.");
            t.speak(ms(600));
            long lastVoice = t.clock.millis();
            t.silence(ms(100));
            t.stt.emit(new SttEvent.Final("how much time do I have", 0.9));
            t.silence(ms(350));
            assertThat(t.llm.calls()).as("no reply before the minimum delay").isEmpty();

            t.silence(ms(100));
            assertThat(t.llm.calls()).hasSize(1);
            assertThat(t.llm.lastCall().request.messages())
                    .last()
                    .isEqualTo(new ChatMessage.User("how much time do I have"));
            assertThat(t.stt.current().flushes())
                    .as("the recogniser was asked to finalise when the voice stopped")
                    .isEqualTo(1);
        }
    }

    @Test
    void waitsUpToTheMaximumDelayForFinalWordsThenTakesTheInterimOnes() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.speak(ms(300));
            t.stt.emit(new SttEvent.Interim("add ten minutes"));
            t.speak(ms(300));
            t.silence(ms(2800));
            assertThat(t.llm.calls()).as("final words may still come").isEmpty();

            t.silence(ms(300));
            assertThat(t.llm.calls()).hasSize(1);
            assertThat(t.conversation.history()).containsExactly(new ChatMessage.User("add ten minutes"));
        }
    }

    @Test
    void finalWordsArrivingAfterTheMinimumDelayEndTheTurnAtOnce() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.speak(ms(600));
            t.silence(ms(1200));
            assertThat(t.llm.calls()).isEmpty();

            t.stt.emit(new SttEvent.Final("what is my balance", 0.9));
            t.clock.runPending();
            assertThat(t.llm.calls()).hasSize(1);
        }
    }

    @Test
    void speechBeforeTheDelayRunsOutContinuesTheSameTurn() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.speak(ms(500));
            t.silence(ms(100));
            t.stt.emit(new SttEvent.Final("I want to buy", 0.9));
            t.silence(ms(300)); // a pause for thought, shorter than the endpointing delay
            t.speak(ms(500));
            t.silence(ms(100));
            t.stt.emit(new SttEvent.Final("thirty more minutes", 0.9));
            t.silence(ms(1000));

            assertThat(t.llm.calls()).hasSize(1);
            assertThat(t.conversation.history())
                    .containsExactly(new ChatMessage.User("I want to buy thirty more minutes"));
        }
    }

    @Test
    void aNoiseWithoutWordsIsNotATurn() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.speak(ms(300));
            t.silence(Duration.ofSeconds(4));
            assertThat(t.llm.calls()).isEmpty();
            assertThat(t.conversation.history()).isEmpty();
        }
    }

    @Test
    void neverStartsSpeakingWhileTheUserSpeaks() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.speak(ms(300));
            t.conversation.say("Welcome back to MindBot, nice to hear you.", true);
            t.speak(Duration.ofSeconds(2));
            assertThat(t.playback().audibleMillis())
                    .as("nothing played while the user talks")
                    .isZero();
            assertThat(t.conversation.state()).isEqualTo(AgentState.LISTENING);

            long stopped = t.clock.millis();
            t.silence(ms(600));
            assertThat(t.playback().firstCaptureMillis())
                    .as("starts once the voice detector hears silence")
                    .isBetween(stopped + 150, stopped + 300);
        }
    }

    @Test
    void publishesTheUsersWordsAsInterimCaptionsThenOneFinalOfTheSameSegment() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.llm.answer(ms(100), "Okay.");
            t.userSays("how much time do I have", ms(600));

            var userCaptions = t.transcripts().stream()
                    .filter(x -> x.attributes().containsKey("lk.segment_id")
                            && !x.content().equals("Okay."))
                    .toList();
            assertThat(userCaptions)
                    .extracting(x -> x.content())
                    .containsExactly("how", "how much time do I have", "how much time do I have");
            assertThat(userCaptions)
                    .extracting(x -> x.attributes().get("lk.transcription_final"))
                    .containsExactly("false", "false", "true");
            assertThat(userCaptions)
                    .extracting(x -> x.attributes().get("lk.segment_id"))
                    .containsOnly(userCaptions.get(0).attributes().get("lk.segment_id"));
            // sent on the user's behalf, so LiveKit clients show them as the user's words
            assertThat(userCaptions)
                    .extracting(x -> x.attributes().get(FakeRoom.SENDER))
                    .containsOnly(VoiceTestbed.USER);
            assertThat(userCaptions)
                    .extracting(x -> x.attributes().get("lk.transcribed_track_id"))
                    .containsOnly("TR_" + VoiceTestbed.USER);
        }
    }

    @Test
    void aRecogniserThatHearsOnlySpeechGetsEachVoicedStretchWithHalfASecondBeforeIt() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS, new FakeStt(true))) {
            t.silence(Duration.ofSeconds(3));
            assertThat(t.stt.current().samples()).as("samples of silence sent").isZero();

            t.speak(Duration.ofSeconds(1));
            t.silence(ms(400)); // the detector calls the voice stopped after 200 ms of silence (OPTIONS)

            long sent = t.stt.current().samples();
            // 16 kHz: the 500 ms lead-in, the second of speech, and the silence until the detector's stop
            assertThat(sent).isBetween(16_000L + 8_000, 16_000L + 8_000 + 16L * 400);
            assertThat(t.stt.current().flushes()).isEqualTo(1);

            t.silence(Duration.ofSeconds(2));
            assertThat(t.stt.current().samples())
                    .as("nothing more while silent")
                    .isEqualTo(sent);
        }
    }

    @Test
    void anyOtherRecogniserHearsTheWholeStream() {
        try (VoiceTestbed t = new VoiceTestbed(OPTIONS)) {
            t.silence(Duration.ofSeconds(3));

            // the 48-to-16 kHz resampler holds back its filter's look-ahead, a few samples
            assertThat(t.stt.current().samples()).isBetween(48_000L - 64, 48_000L);
        }
    }
}
