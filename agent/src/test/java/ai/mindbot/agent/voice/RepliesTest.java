package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.mindbot.agent.voice.testing.FakeTts;
import ai.mindbot.agent.voice.testing.VoiceTestbed;

class RepliesTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void answersTypedTextAndWalksTheStateAttributeThroughThinkingAndSpeaking() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            String answer = "Hello there, you have ten minutes left.";
            t.llm.answer(ms(200), "Hello there, ", "you have ten minutes left.");
            t.conversation.setInstructions("You are MindBot.");

            t.conversation.pushText("how much time do I have");
            t.clock.runPending();
            assertThat(t.conversation.state()).isEqualTo(AgentState.THINKING);
            t.advance(Duration.ofSeconds(5));

            assertThat(t.llm.calls()).hasSize(1);
            assertThat(t.llm.lastCall().request.messages()).containsExactly(
                    new ChatMessage.System("You are MindBot."), new ChatMessage.User("how much time do I have"));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly(answer);
            assertThat(t.playback().audibleMillis()).isBetween(FakeTts.millisFor(answer) - 10, FakeTts.millisFor(answer) + 10);
            assertThat(t.conversation.history()).containsExactly(
                    new ChatMessage.User("how much time do I have"), ChatMessage.Assistant.said(answer));
            assertThat(t.room.agentStates()).containsExactly("listening", "thinking", "speaking", "listening");
        }
    }
}
