package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.testing.VoiceTestbed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ToolsTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void runsARequestedToolOffTheJobThreadAndGivesTheResultBackToTheModel() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            AtomicReference<String> handlerThread = new AtomicReference<>();
            AtomicReference<String> handlerArgs = new AtomicReference<>();
            t.conversation.setTools(List.of(
                    new Tool("get_balance", "The caller's remaining time", Tool.NO_PARAMETERS, args -> {
                        handlerThread.set(Thread.currentThread().getName());
                        handlerArgs.set(args);
                        return "{\"minutes\":42}";
                    })));
            t.llm.callTool(ms(100), "call_1", "get_balance", "{}").answer(ms(100), "You have forty-two minutes left.");

            t.conversation.pushText("how much time do I have");
            t.advance(ms(150));
            assertThat(t.clock.runUntil(() -> t.llm.calls().size() == 2, Duration.ofSeconds(5)))
                    .as("the tool answered and the model was asked again")
                    .isTrue();
            t.advance(Duration.ofSeconds(5));

            assertThat(handlerThread.get()).startsWith("voice-tool-");
            assertThat(handlerArgs.get()).isEqualTo("{}");
            assertThat(t.llm.calls()).hasSize(2);
            ToolCall call = new ToolCall("call_1", "get_balance", "{}");
            assertThat(t.llm.calls().get(1).request.messages())
                    .containsExactly(
                            new ChatMessage.User("how much time do I have"),
                            new ChatMessage.Assistant("", List.of(call), false),
                            new ChatMessage.ToolResult("call_1", "get_balance", "{\"minutes\":42}"));
            assertThat(t.conversation.history())
                    .last()
                    .isEqualTo(ChatMessage.Assistant.said("You have forty-two minutes left."));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly("You have forty-two minutes left.");
        }
    }

    @Test
    void saysAShortFillerWhenAToolTakesLongerThanASecond() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            CountDownLatch release = new CountDownLatch(1);
            t.conversation.setTools(List.of(new Tool("buy_minutes", "Buys minutes", Tool.NO_PARAMETERS, args -> {
                release.await(10, TimeUnit.SECONDS);
                return "bought";
            })));
            t.llm.callTool(ms(100), "call_9", "buy_minutes", "{\"minutes\":30}")
                    .answer(ms(100), "Done, thirty minutes were added.");

            t.conversation.pushText("buy thirty minutes");
            t.advance(ms(1000));
            assertThat(t.tts.requests()).as("not yet: the tool has had 900 ms").isEmpty();
            t.advance(ms(300));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly("Let me check.");
            t.advance(ms(500));
            assertThat(t.conversation.state()).isEqualTo(AgentState.SPEAKING);

            release.countDown();
            assertThat(t.clock.runUntil(() -> t.llm.calls().size() == 2, Duration.ofSeconds(5)))
                    .isTrue();
            t.advance(Duration.ofSeconds(5));

            assertThat(t.tts.requests())
                    .extracting(r -> r.text)
                    .containsExactly("Let me check.", "Done, thirty minutes were added.");
            assertThat(t.conversation.history())
                    .as("the filler is not the model's words")
                    .last()
                    .isEqualTo(ChatMessage.Assistant.said("Done, thirty minutes were added."));
        }
    }

    @Test
    void aFastToolGetsNoFiller() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.conversation.setTools(List.of(new Tool("get_balance", "d", Tool.NO_PARAMETERS, args -> "42")));
            t.llm.callTool(ms(100), "c1", "get_balance", "{}").answer(ms(100), "Forty-two minutes.");
            t.conversation.pushText("balance?");
            t.advance(ms(150));
            assertThat(t.clock.runUntil(() -> t.llm.calls().size() == 2, Duration.ofSeconds(5)))
                    .isTrue();
            t.advance(Duration.ofSeconds(3));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly("Forty-two minutes.");
        }
    }

    @Test
    void afterMaxToolStepsTheModelIsOfferedNoTools() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.conversation.setTools(List.of(new Tool("ping", "d", Tool.NO_PARAMETERS, args -> "pong")));
            for (int i = 1; i <= 3; i++) {
                t.llm.callTool(ms(50), "c" + i, "ping", "{}");
            }
            t.llm.answer(ms(50), "I pinged three times.");
            t.conversation.pushText("ping until you are tired");
            for (int i = 1; i <= 3; i++) {
                t.advance(ms(60));
                int calls = i + 1;
                assertThat(t.clock.runUntil(() -> t.llm.calls().size() == calls, Duration.ofSeconds(5)))
                        .isTrue();
            }
            t.advance(Duration.ofSeconds(3));

            assertThat(t.llm.calls()).extracting(c -> c.request.tools().size()).containsExactly(1, 1, 1, 0);
            assertThat(t.conversation.history()).last().isEqualTo(ChatMessage.Assistant.said("I pinged three times."));
        }
    }

    @Test
    void aToolThatThrowsGivesTheModelTheError() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.conversation.setTools(List.of(new Tool("get_balance", "d", Tool.NO_PARAMETERS, args -> {
                throw new IllegalStateException("time service unavailable");
            })));
            t.llm.callTool(ms(50), "c1", "get_balance", "{}").answer(ms(50), "I could not check right now.");
            t.conversation.pushText("balance?");
            t.advance(ms(60));
            assertThat(t.clock.runUntil(() -> t.llm.calls().size() == 2, Duration.ofSeconds(5)))
                    .isTrue();
            t.advance(Duration.ofSeconds(3));
            assertThat(t.conversation.history())
                    .contains(new ChatMessage.ToolResult("c1", "get_balance", "error: time service unavailable"));
        }
    }
}
