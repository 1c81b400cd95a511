package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.testing.FakeLlm;
import ai.mindbot.agent.voice.testing.FakeRoom;
import ai.mindbot.agent.voice.testing.FakeTts;
import ai.mindbot.agent.voice.testing.VoiceTestbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
            assertThat(t.llm.lastCall().request.messages())
                    .containsExactly(
                            new ChatMessage.System("You are MindBot."),
                            new ChatMessage.User("how much time do I have"));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly(answer);
            assertThat(t.playback().audibleMillis())
                    .isBetween(FakeTts.millisFor(answer) - 10, FakeTts.millisFor(answer) + 10);
            assertThat(t.conversation.history())
                    .containsExactly(
                            new ChatMessage.User("how much time do I have"), ChatMessage.Assistant.said(answer));
            assertThat(t.room.agentStates()).containsExactly("listening", "thinking", "speaking", "listening");
        }
    }

    private static final String FIRST = "Your balance is forty-two minutes.";
    private static final String SECOND = "Would you like to buy more time today?";

    private static void twoSentencesTheSecondLate(VoiceTestbed t) {
        t.llm.script(List.of(
                new FakeLlm.Step(ms(100), new LlmEvent.TextDelta("Your balance is ")),
                new FakeLlm.Step(ms(20), new LlmEvent.TextDelta("forty-two minutes. Would")),
                new FakeLlm.Step(ms(2000), new LlmEvent.TextDelta(" you like to buy more time today?")),
                new FakeLlm.Step(ms(20), new LlmEvent.Done("stop", 10, 20))));
    }

    @Test
    void startsSpeakingTheFirstSentenceWhileTheModelIsStillWriting() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            twoSentencesTheSecondLate(t);
            t.conversation.reply("Greet the caller.");
            t.advance(ms(200));

            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly(FIRST);
            assertThat(t.playback().firstCaptureMillis())
                    .as("first sentence out 50 ms (TTS) after it was complete")
                    .isEqualTo(170);
            assertThat(t.llm.lastCall().request.messages())
                    .last()
                    .isEqualTo(new ChatMessage.System("Greet the caller."));
            t.advance(Duration.ofSeconds(6));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly(FIRST, SECOND);
            assertThat(t.conversation.history())
                    .as("extra instructions are for one reply only")
                    .containsExactly(ChatMessage.Assistant.said(FIRST + " " + SECOND));
        }
    }

    @Test
    void writesTheAgentsTranscriptSentenceBySentenceAsTheAudioReachesThem() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            twoSentencesTheSecondLate(t);
            t.conversation.reply(null);
            t.advance(ms(300));
            FakeRoom.SentText stream = t.transcripts().get(0);
            assertThat(stream.attributes()).containsKeys("lk.segment_id", "lk.transcription_final");
            assertThat(stream.content()).isEqualTo(FIRST);

            // the second sentence is synthesised at about 2.2 s but written when it starts to play, after the first
            long firstEnds = 170 + FakeTts.millisFor(FIRST);
            t.advance(Duration.ofMillis(firstEnds - t.clock.millis() - 30));
            assertThat(stream.content()).as("not before its audio").isEqualTo(FIRST);
            t.advance(ms(60));
            assertThat(stream.content()).isEqualTo(FIRST + " " + SECOND);
            assertThat(stream.isClosed()).isFalse();
            t.advance(Duration.ofSeconds(4));
            assertThat(stream.isClosed()).isTrue();
        }
    }

    @Test
    void measuresEachTurnFromTheUsersLastSpeechToTheFirstAudioOut() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            List<TurnMetrics> metrics = new ArrayList<>();
            t.conversation.addListener(new ConversationListener() {
                @Override
                public void onTurnMetrics(TurnMetrics m) {
                    metrics.add(m);
                }
            });
            t.llm.answer(ms(100), "Okay, let me look that up.");
            t.userSays("what is my balance", ms(600));
            t.advance(Duration.ofSeconds(3));

            assertThat(metrics).hasSize(1);
            TurnMetrics m = metrics.get(0);
            assertThat(m.endOfUtterance().toMillis())
                    .as("the voice detector's 550 ms of silence decides")
                    .isBetween(550L, 620L);
            assertThat(m.sttFinal().toMillis())
                    .as("the final words came 100 ms after the voice stopped")
                    .isBetween(100L, 140L);
            assertThat(m.llmTtft()).isEqualTo(ms(100));
            assertThat(m.ttsTtfb()).isEqualTo(ms(50));
            assertThat(m.ownOverhead())
                    .as("fakes answer at once; our code adds no virtual time")
                    .isEqualTo(Duration.ZERO);
            // the answer is one sentence, complete when the model says Done 20 ms after its text
            assertThat(m.voiceToVoice()).isEqualTo(m.endOfUtterance().plus(ms(100 + 20 + 50)));
            assertThat(m.logLine()).startsWith("turn speech=").contains("ttft=100ms", "ttfb=50ms", "v2v=");
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheConversation() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.conversation.addListener(new ConversationListener() {
                @Override
                public void onUserTurn(String text) {
                    throw new IllegalStateException("listener bug");
                }

                @Override
                public void onTurnMetrics(TurnMetrics m) {
                    throw new IllegalStateException("listener bug");
                }
            });
            t.llm.answer(ms(100), "Still here.");
            t.conversation.pushText("hello");
            t.advance(Duration.ofSeconds(3));
            t.llm.answer(ms(100), "And again.");
            t.conversation.pushText("hello again");
            t.advance(Duration.ofSeconds(3));
            assertThat(t.conversation.history())
                    .containsExactly(
                            new ChatMessage.User("hello"),
                            ChatMessage.Assistant.said("Still here."),
                            new ChatMessage.User("hello again"),
                            ChatMessage.Assistant.said("And again."));
        }
    }
}
