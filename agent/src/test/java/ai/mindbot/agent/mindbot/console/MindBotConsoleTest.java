package ai.mindbot.agent.mindbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.AgentMain;
import ai.mindbot.agent.local.RecordingSpeaker;
import ai.mindbot.agent.local.SoundCard;
import ai.mindbot.agent.local.TestSoundCard;
import ai.mindbot.agent.local.WavMicrophone;
import ai.mindbot.agent.mindbot.FakeServicesServer;
import ai.mindbot.agent.mindbot.FakeTimeService;
import ai.mindbot.agent.mindbot.FakeWeatherServer;
import ai.mindbot.agent.voice.VoiceProviders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MindBotConsoleTest {

    private FakeServicesServer services;
    private FakeWeatherServer weather;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        services.close();
        weather.close();
    }

    /** A machine as this one is: Java Sound finds no device. */
    private static final String NO_DEVICE = "no microphone: Java Sound sees no capture device";

    private static final Function<Map<String, String>, VoiceProviders> NO_VOICE = env -> {
        throw new AssertionError("voice providers are built only when there is a microphone and a speaker");
    };

    private int console(long balance, String typed, String... args) throws Exception {
        return console(balance, typed, TestSoundCard.none(NO_DEVICE), NO_VOICE, Map.of(), args);
    }

    private int console(
            long balance,
            String typed,
            SoundCard soundCard,
            Function<Map<String, String>, VoiceProviders> voice,
            Map<String, String> moreEnv,
            String... args)
            throws Exception {
        if (services == null) {
            services = new FakeServicesServer(new FakeTimeService(System::currentTimeMillis, balance));
            weather = new FakeWeatherServer();
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "AUTH_SERVICE_URL",
                services.url().toString(),
                "TIME_SERVICE_URL",
                services.url().toString(),
                "AGENT_API_KEY",
                FakeServicesServer.API_KEY,
                "WEATHER_GEOCODING_URL",
                weather.url().toString(),
                "WEATHER_FORECAST_URL",
                weather.url().toString()));
        env.putAll(moreEnv);
        return MindBotConsole.run(
                args,
                env,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                email -> FakeServicesServer.USER_PASSWORD.toCharArray(),
                voice,
                soundCard);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedInUserIsGreetedMeteredAndAnsweredThenBilledOnceOnQuit() throws Exception {
        int exit = console(
                9000,
                "how much time do i have left\nwhat packages are there\n/quit\n",
                "--email",
                FakeServicesServer.USER_EMAIL);

        assertThat(exit).isZero();
        assertThat(output())
                .contains(
                        "MindBot: Welcome back, John! You have 2.5 hours of conversation time remaining.",
                        "of conversation time left.",
                        "There are three time cards: Starter, 1 hour for $9.99");
        assertThat(services.sessionStarts).hasSize(1);
        assertThat(services.sessionStarts.get(0).path("user_id").asString()).isEqualTo("7");
        assertThat(services.model.endCalls).isEqualTo(1);
        assertThat(services.model.activeSessions()).isZero();
    }

    @Test
    void aGuestIsNotBilledAndCanAskTheWeather() throws Exception {
        int exit = console(0, "what's the weather in berlin\n", "--guest");

        assertThat(exit).isZero();
        assertThat(output())
                .contains("Hey there! I'm MindBot.", "In Berlin, Germany it's 3 degrees Celsius with overcast");
        assertThat(services.sessionStarts).isEmpty();
    }

    @Test
    void withoutMicrophoneAndSpeakerItSaysSoInOneLineAndTalksInText() throws Exception {
        int exit = console(9000, "how much time do i have left\n", "--email", FakeServicesServer.USER_EMAIL);

        assertThat(exit).isZero();
        assertThat(output())
                .containsOnlyOnce("agent console: " + NO_DEVICE + "; talking in text only\n")
                .contains("MindBot console (signed in as user 7). Type to talk", "of conversation time left.");
        assertThat(services.model.endCalls).isEqualTo(1);
    }

    @Test
    void textOnlyDoesNotLookForAMicrophone() throws Exception {
        TestSoundCard soundCard = TestSoundCard.with(new WavMicrophone(), new RecordingSpeaker());

        int exit = console(9000, "what packages are there\n", soundCard, NO_VOICE, Map.of(), "--guest", "--text");

        assertThat(exit).isZero();
        assertThat(soundCard.opened()).isZero();
        assertThat(output()).doesNotContain("talking in text only").contains("There are three time cards");
    }

    @Test
    void withDevicesButNoOfflineVoiceItSaysWhatIsMissingClosesThemAndTalksInText() throws Exception {
        WavMicrophone microphone = new WavMicrophone();

        int exit = console(
                0,
                "hello\n",
                TestSoundCard.with(microphone, new RecordingSpeaker()),
                AgentMain.selectedVoice(),
                Map.of("OFFLINE_STT_MODEL_DIR", "/nonexistent/pocketsphinx"),
                "--guest");

        assertThat(exit).isZero();
        assertThat(output())
                .containsPattern("agent console: no voice \\([^\n]*offline speech recognition[^\n]*"
                        + "scripts/install-voice\\); talking in text only\n")
                .contains("Hey there! I'm MindBot.");
        assertThat(microphone.read()).as("the microphone was closed").isNull();
    }

    @Test
    void devicesListsWhatJavaSoundSees() throws Exception {
        assertThat(console(
                        0,
                        "",
                        TestSoundCard.with(new WavMicrophone(), new RecordingSpeaker()),
                        NO_VOICE,
                        Map.of(),
                        "--devices"))
                .isZero();
        assertThat(console(0, "", TestSoundCard.none(NO_DEVICE), NO_VOICE, Map.of(), "--devices"))
                .isZero();

        assertThat(output())
                .contains(
                        "microphone: a WAV microphone\nspeaker:    a recording speaker\n",
                        "Java Sound sees no microphone or speaker on this machine.");
        assertThat(services.sessionStarts).as("listing signs nobody in").isEmpty();
    }

    @Test
    void anUnknownArgumentShowsTheUsage() throws Exception {
        assertThat(console(0, "", "--speakers")).isEqualTo(2);
        assertThat(output()).startsWith(ConsoleOptions.USAGE);
    }

    @Test
    void aWrongPasswordIsRefusedBeforeAnythingIsMetered() throws Exception {
        services = new FakeServicesServer(new FakeTimeService(System::currentTimeMillis, 9000));
        weather = new FakeWeatherServer();
        Map<String, String> env = Map.of(
                "AUTH_SERVICE_URL",
                services.url().toString(),
                "TIME_SERVICE_URL",
                services.url().toString(),
                "AGENT_API_KEY",
                FakeServicesServer.API_KEY);
        int exit = MindBotConsole.run(
                new String[] {"--email", FakeServicesServer.USER_EMAIL},
                env,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                email -> "wrong".toCharArray(),
                NO_VOICE,
                TestSoundCard.none(NO_DEVICE));

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("sign-in refused: invalid_credentials");
        assertThat(services.sessionStarts).isEmpty();
    }
}
