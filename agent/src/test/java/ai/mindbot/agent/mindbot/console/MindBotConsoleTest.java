package ai.mindbot.agent.mindbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.mindbot.agent.mindbot.FakeServicesServer;
import ai.mindbot.agent.mindbot.FakeTimeService;
import ai.mindbot.agent.mindbot.FakeWeatherServer;

class MindBotConsoleTest {

    private FakeServicesServer services;
    private FakeWeatherServer weather;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        services.close();
        weather.close();
    }

    private int console(long balance, String typed, String... args) throws Exception {
        services = new FakeServicesServer(new FakeTimeService(System::currentTimeMillis, balance));
        weather = new FakeWeatherServer();
        Map<String, String> env = Map.of("AUTH_SERVICE_URL", services.url().toString(),
                "TIME_SERVICE_URL", services.url().toString(), "AGENT_API_KEY", FakeServicesServer.API_KEY,
                "WEATHER_GEOCODING_URL", weather.url().toString(), "WEATHER_FORECAST_URL", weather.url().toString());
        return MindBotConsole.run(args, env, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(printed, true, StandardCharsets.UTF_8), email -> FakeServicesServer.USER_PASSWORD.toCharArray());
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedInUserIsGreetedMeteredAndAnsweredThenBilledOnceOnQuit() throws Exception {
        int exit = console(9000, "how much time do i have left\nwhat packages are there\n/quit\n",
                "--email", FakeServicesServer.USER_EMAIL);

        assertThat(exit).isZero();
        assertThat(output()).contains("MindBot: Welcome back, John! You have 2.5 hours of conversation time remaining.",
                "of conversation time left.", "There are three time cards: Starter, 1 hour for $9.99");
        assertThat(services.sessionStarts).hasSize(1);
        assertThat(services.sessionStarts.get(0).path("user_id").asString()).isEqualTo("7");
        assertThat(services.model.endCalls).isEqualTo(1);
        assertThat(services.model.activeSessions()).isZero();
    }

    @Test
    void aGuestIsNotBilledAndCanAskTheWeather() throws Exception {
        int exit = console(0, "what's the weather in berlin\n", "--guest");

        assertThat(exit).isZero();
        assertThat(output()).contains("Hey there! I'm MindBot.", "In Berlin, Germany it's 3 degrees Celsius with overcast");
        assertThat(services.sessionStarts).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedBeforeAnythingIsMetered() throws Exception {
        services = new FakeServicesServer(new FakeTimeService(System::currentTimeMillis, 9000));
        weather = new FakeWeatherServer();
        Map<String, String> env = Map.of("AUTH_SERVICE_URL", services.url().toString(),
                "TIME_SERVICE_URL", services.url().toString(), "AGENT_API_KEY", FakeServicesServer.API_KEY);
        int exit = MindBotConsole.run(new String[] {"--email", FakeServicesServer.USER_EMAIL}, env,
                new ByteArrayInputStream(new byte[0]), new PrintStream(printed, true, StandardCharsets.UTF_8),
                email -> "wrong".toCharArray());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("sign-in refused: invalid_credentials");
        assertThat(services.sessionStarts).isEmpty();
    }
}
