package ai.mindbot.agent.mindbot.brain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.voice.ChatMessage;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.Tool;
import ai.mindbot.agent.voice.ToolCall;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineBrainTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-02T12:05:00Z"), ZoneOffset.UTC);
    private static final List<Tool> TOOLS = List.of(
            tool("check_time_balance"),
            tool("get_time_packages"),
            tool("estimate_session_cost"),
            tool("lookup_weather"));

    private final List<Runnable> pending = new ArrayList<>();
    private final OfflineBrain brain = new OfflineBrain(Runnable::run, NOON);

    private static Tool tool(String name) {
        return new Tool(name, name, Tool.NO_PARAMETERS, arguments -> "{}");
    }

    private static List<LlmEvent> run(OfflineBrain brain, List<ChatMessage> messages, List<Tool> tools) {
        List<LlmEvent> events = new ArrayList<>();
        brain.chat(new ChatRequest(messages, tools), events::add);
        return events;
    }

    private List<LlmEvent> ask(String userText) {
        return run(brain, List.of(new ChatMessage.System("You are MindBot."), new ChatMessage.User(userText)), TOOLS);
    }

    private static ToolCall toolCall(List<LlmEvent> events) {
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new LlmEvent.Done("tool_calls", 0, 0));
        return ((LlmEvent.ToolCallRequested) events.get(0)).call();
    }

    private static String text(List<LlmEvent> events) {
        StringBuilder text = new StringBuilder();
        events.stream()
                .filter(LlmEvent.TextDelta.class::isInstance)
                .forEach(e -> text.append(((LlmEvent.TextDelta) e).text()));
        assertThat(events.get(events.size() - 1)).isInstanceOf(LlmEvent.Done.class);
        assertThat(((LlmEvent.Done) events.get(events.size() - 1)).finishReason())
                .isEqualTo("stop");
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "How much time do I have left?",
                "how much time do i have left",
                "what time do i have",
                "whats my balance",
                "What's my balance?",
                "how many minutes have i got",
                "check my balanse",
                "how long can i still talk",
                "hi how much time is remaining",
                "how many hours do i have"
            })
    void asksForTheBalance(String said) {
        assertThat(toolCall(ask(said)).name()).isEqualTo("check_time_balance");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "What packages are there?",
                "what time cards can i buy",
                "how much does an hour cost",
                "show me the pricing",
                "i want to top up",
                "what pakages do you have",
                "can i buy more time"
            })
    void asksForThePackages(String said) {
        assertThat(toolCall(ask(said)).name()).isEqualTo("get_time_packages");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "How much has this call cost so far?",
                "how much is this costing me",
                "how long have we been talking",
                "what have i spent on this conversation",
                "how much did this session cost"
            })
    void asksForThisCallsCost(String said) {
        assertThat(toolCall(ask(said)).name()).isEqualTo("estimate_session_cost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What's the weather in Berlin?              | Berlin
            whats the weather like in new york today   | New York
            berlin weather                             | Berlin
            is it raining in london                    | London
            what is the whether in paris               | Paris
            tell me the forecast for san francisco please | San Francisco
            """)
    void asksForTheWeatherInTheNamedPlace(String said, String place) {
        ToolCall call = toolCall(ask(said));

        assertThat(call.name()).isEqualTo("lookup_weather");
        assertThat(Json.parse(call.argumentsJson()).path("location").asString()).isEqualTo(place);
    }

    @Test
    void asksWhichPlaceAndTakesTheAnswerAsThePlace() {
        assertThat(text(ask("what's the weather"))).isEqualTo(OfflineBrain.WHICH_PLACE);

        List<LlmEvent> events = run(
                brain,
                List.of(
                        new ChatMessage.System("s"),
                        new ChatMessage.User("what's the weather"),
                        ChatMessage.Assistant.said(OfflineBrain.WHICH_PLACE),
                        new ChatMessage.User("berlin")),
                TOOLS);

        assertThat(Json.parse(toolCall(events).argumentsJson()).path("location").asString())
                .isEqualTo("Berlin");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hello                      | Hello! How can I help you today?
            Hey there                  | Hello! How can I help you today?
            good morning               | Hello! How can I help you today?
            thanks                     | You're welcome! Anything else I can do for you?
            thank you so much          | You're welcome! Anything else I can do for you?
            bye                        | Goodbye! It was nice talking with you.
            ok i have to go now goodbye | Goodbye! It was nice talking with you.
            how are you                | I'm doing well, thanks for asking! How can I help you?
            what time is it            | It's 12:05 UTC right now.
            """)
    void answersConversationalTurnsItself(String said, String answer) {
        assertThat(text(ask(said))).isEqualTo(answer);
    }

    /** Sentences the offline recogniser's grammar (voice-offline's mindbot.gram) can produce, and what they ask. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            um how much time do i have left please   | check_time_balance
            how many hours do i have                 | check_time_balance
            how much time is left                    | check_time_balance
            hello what is my balance                 | check_time_balance
            check my time                            | check_time_balance
            am i running out of time                 | check_time_balance
            what time cards are there                | get_time_packages
            what are the prices                      | get_time_packages
            how much does it cost                    | get_time_packages
            i want to buy five hours more            | get_time_packages
            add ten minutes to my balance            | get_time_packages
            i want the pro package                   | get_time_packages
            what does this session cost              | estimate_session_cost
            so how much has this call cost           | estimate_session_cost
            how is the weather in tokyo              | lookup_weather
            is it raining in new york                | lookup_weather
            """)
    void understandsWhatTheOfflineRecogniserCanHear(String said, String tool) {
        assertThat(toolCall(ask(said)).name()).isEqualTo(tool);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            can you hear me | Yes, I can hear you. How can I help?
            okay            | Okay.
            wait            | Okay.
            see you later   | Goodbye! It was nice talking with you.
            thanks a lot    | You're welcome! Anything else I can do for you?
            """)
    void answersTheRecognisersSmallTalk(String said, String answer) {
        assertThat(text(ask(said))).isEqualTo(answer);
    }

    @Test
    void saysWhoItIsAndWhatItCanDo() {
        assertThat(text(ask("who are you"))).startsWith("I'm MindBot").contains("time", "weather");
    }

    @Test
    void fallsBackToSayingWhatItCanDo() {
        assertThat(text(ask("tell me a story about dragons")))
                .contains("offline mode")
                .contains("weather");
    }

    @Test
    void phrasesTheToolResultThatEndsTheHistory() {
        String answer = text(run(
                brain,
                List.of(
                        new ChatMessage.System("s"),
                        new ChatMessage.User("how much time do i have left"),
                        new ChatMessage.Assistant("", List.of(new ToolCall("c1", "check_time_balance", "{}")), false),
                        new ChatMessage.ToolResult(
                                "c1",
                                "check_time_balance",
                                "{\"caller\":\"user\",\"balance_seconds\":9000,\"balance\":\"2.5 hours\",\"low_balance\":false}")),
                TOOLS));

        assertThat(answer).isEqualTo("You have 2.5 hours of conversation time left.");
    }

    @Test
    void phrasesEachToolsAnswer() {
        assertThat(ToolReplies.phrase("get_time_packages", """
                {"packages":[{"id":"starter_1h","name":"Starter","seconds":3600,"hours":1.0,"price_cents":999,"price":"$9.99","price_per_hour":"$9.99"},
                {"id":"pro_20h","name":"Pro","seconds":72000,"hours":20.0,"price_cents":12999,"price":"$129.99","price_per_hour":"$6.50"}]}"""))
                .isEqualTo("There are two time cards: Starter, 1 hour for $9.99; and Pro, 20 hours for $129.99. "
                        + "Pro is the best value, at $6.50 an hour.");
        assertThat(ToolReplies.phrase("estimate_session_cost", """
                {"seconds_talked":600,"time_talked":"10 minutes","seconds_left":8400,"time_left":"about 2.3 hours","caller":"user",
                "billed":true,"cost_low_cents":108,"cost_high_cents":167,"cost_low":"$1.08","cost_high":"$1.67"}"""))
                .isEqualTo(
                        "We've been talking for 10 minutes. That comes to between $1.08 and $1.67, depending on which "
                                + "time card it came from. You have about 2.3 hours left.");
        assertThat(ToolReplies.phrase("lookup_weather", """
                {"location":"Berlin","country":"Germany","temperature_c":3.4,"conditions":"overcast","wind_kmh":14.2,"humidity_percent":81}"""))
                .isEqualTo(
                        "In Berlin, Germany it's 3 degrees Celsius with overcast, and the wind is at 14 kilometres per hour.");
        assertThat(
                        ToolReplies.phrase(
                                "lookup_weather",
                                "{\"error\":\"weather_unreachable\",\"message\":\"I can't reach the weather service right now.\"}"))
                .isEqualTo("I can't reach the weather service right now.");
        assertThat(ToolReplies.phrase("check_time_balance", """
                {"caller":"user","balance_seconds":600,"balance":"10 minutes","low_balance":true}"""))
                .isEqualTo(
                        "You have 10 minutes of conversation time left. That's getting low; you can buy more time cards any time.");
    }

    @Test
    void streamsItsAnswerInWordSizedPieces() {
        List<LlmEvent> events = ask("who are you");
        String whole = text(events);

        List<LlmEvent.TextDelta> deltas = events.stream()
                .filter(LlmEvent.TextDelta.class::isInstance)
                .map(LlmEvent.TextDelta.class::cast)
                .toList();
        assertThat(deltas).hasSizeGreaterThan(10);
        assertThat(deltas).allSatisfy(d -> assertThat(d.text().strip()).doesNotContain(" "));
        assertThat(((LlmEvent.Done) events.get(events.size() - 1)).completionTokens())
                .isEqualTo(deltas.size());
        assertThat(whole).endsWith("the weather anywhere in the world.");
    }

    @Test
    void aToolTheRequestDoesNotOfferIsNotCalled() {
        List<LlmEvent> events = run(brain, List.of(new ChatMessage.User("what's the weather in berlin")), List.of());

        assertThat(events).noneMatch(LlmEvent.ToolCallRequested.class::isInstance);
        assertThat(text(events)).contains("can't");
    }

    @Test
    void saysNothingOnceCancelled() {
        OfflineBrain later = new OfflineBrain(pending::add, NOON);
        List<LlmEvent> events = new ArrayList<>();
        Cancellable call = later.chat(new ChatRequest(List.of(new ChatMessage.User("hello")), TOOLS), events::add);
        call.cancel();
        pending.forEach(Runnable::run);

        assertThat(events).isEmpty();
    }

    @Test
    void answersOnItsOwnThreadAndQuickly() throws Exception {
        OfflineBrain real = new OfflineBrain();
        CompletableFuture<Thread> doneOn = new CompletableFuture<>();
        long start = System.nanoTime();
        real.chat(new ChatRequest(List.of(new ChatMessage.User("how much time do i have left")), TOOLS), e -> {
            if (e instanceof LlmEvent.Done) {
                doneOn.complete(Thread.currentThread());
            }
        });

        assertThat(doneOn.get(2, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
    }
}
