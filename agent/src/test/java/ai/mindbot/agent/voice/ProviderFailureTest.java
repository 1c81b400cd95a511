package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.testing.VoiceTestbed;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A provider failing fails one turn with a spoken apology; the next turn works. */
class ProviderFailureTest {

    private static final String APOLOGY = VoiceOptions.defaults().apologyText();

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aRecogniserDroppedMidUtteranceGetsAnApologyAndAFreshStream() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.speak(ms(400));
            t.stt.emit(new SttEvent.Failed(new IOException("socket closed")));
            t.speak(ms(200));
            t.silence(ms(1500));

            assertThat(t.tts.requests()).extracting(r -> r.text).contains(APOLOGY);
            assertThat(t.stt.streamsOpened()).as("reconnected").isEqualTo(2);
            assertThat(t.llm.calls())
                    .as("nothing to answer: the words were lost")
                    .isEmpty();
            t.silence(Duration.ofSeconds(5));

            t.llm.answer(ms(100), "Yes, I can hear you again.");
            t.userSays("can you hear me", ms(600));
            t.silence(Duration.ofSeconds(3));
            assertThat(t.conversation.history())
                    .contains(
                            new ChatMessage.User("can you hear me"),
                            ChatMessage.Assistant.said("Yes, I can hear you again."));
        }
    }

    @Test
    void aModelFailureGetsAnApologyAndTheNextTurnIsAnswered() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.llm.fail(ms(300), new IOException("429 Too Many Requests after 3 retries"));
            t.conversation.pushText("hello");
            t.advance(Duration.ofSeconds(6));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly(APOLOGY);
            assertThat(t.conversation.history())
                    .containsExactly(new ChatMessage.User("hello"), ChatMessage.Assistant.said(APOLOGY));

            t.llm.answer(ms(100), "Hello again, how can I help?");
            t.conversation.pushText("hello?");
            t.advance(Duration.ofSeconds(4));
            assertThat(t.conversation.history())
                    .last()
                    .isEqualTo(ChatMessage.Assistant.said("Hello again, how can I help?"));
            assertThat(t.conversation.state()).isEqualTo(AgentState.LISTENING);
        }
    }

    @Test
    void aSynthesisFailureGetsAnApologyAndTheNextTurnIsAnswered() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.tts.failNext();
            t.llm.answer(ms(100), "This sentence never makes it to audio.");
            t.conversation.pushText("hello");
            t.advance(Duration.ofSeconds(6));
            assertThat(t.tts.requests())
                    .extracting(r -> r.text)
                    .containsExactly("This sentence never makes it to audio.", APOLOGY);
            assertThat(t.playback().audibleMillis()).isPositive();

            t.llm.answer(ms(100), "Now it works.");
            t.conversation.pushText("again");
            t.advance(Duration.ofSeconds(4));
            assertThat(t.conversation.history()).last().isEqualTo(ChatMessage.Assistant.said("Now it works."));
        }
    }
}
