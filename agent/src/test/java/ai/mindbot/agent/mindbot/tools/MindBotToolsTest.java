package ai.mindbot.agent.mindbot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.mindbot.FakeServicesServer;
import ai.mindbot.agent.mindbot.FakeTimeService;
import ai.mindbot.agent.mindbot.FakeWeatherServer;
import ai.mindbot.agent.mindbot.ManualJobExecutor;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.console.ConsoleJobThread;
import ai.mindbot.agent.mindbot.metering.MeteringRules;
import ai.mindbot.agent.mindbot.metering.TimeKeeper;
import ai.mindbot.agent.mindbot.metering.TimeListener;
import ai.mindbot.agent.mindbot.services.AgentCredential;
import ai.mindbot.agent.mindbot.services.HttpTimeService;
import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.services.JsonHttp;
import ai.mindbot.agent.mindbot.services.TimeService;
import ai.mindbot.agent.mindbot.services.UnreachableTimeService;
import ai.mindbot.agent.voice.Tool;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MindBotToolsTest {

    private static final Caller JOHN = new Caller(Caller.Kind.USER, "user-7", "7", "John", "");
    private static final Caller GUEST = new Caller(Caller.Kind.GUEST, "guest-00ff00ff00ff00ff", null, "", "");

    private final JsonHttp http = JsonHttp.withDefaults();
    private final ConsoleJobThread job = new ConsoleJobThread();
    private FakeServicesServer services;
    private FakeWeatherServer weather;

    @AfterEach
    void stop() {
        job.close();
        if (services != null) {
            services.close();
        }
        if (weather != null) {
            weather.close();
        }
    }

    /** The tools of a call in progress, over loopback HTTP to the fakes. */
    private Map<String, Tool> callTools(Caller caller, long balance) throws Exception {
        services = new FakeServicesServer(new FakeTimeService(System::currentTimeMillis, balance));
        weather = new FakeWeatherServer();
        TimeService time = new HttpTimeService(
                http,
                services.url(),
                new AgentCredential(http, services.url(), FakeServicesServer.API_KEY, System::nanoTime));
        TimeKeeper keeper = new TimeKeeper(job, time, MeteringRules.defaults(), new TimeListener() {});
        job.runAndWait(() -> keeper.begin(caller, "mindbot-7"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!caller.isGuest() && !keeper.reading().metered() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return byName(MindBotTools.forCall(keeper, time, new WeatherService(http, weather.url(), weather.url())));
    }

    private static Map<String, Tool> byName(List<Tool> tools) {
        return tools.stream().collect(Collectors.toMap(Tool::name, Function.identity()));
    }

    private static JsonNode call(Map<String, Tool> tools, String name, String arguments) throws Exception {
        return Json.parse(tools.get(name).handler().call(arguments));
    }

    @Test
    void offersTheFourToolsOfTheSeedGuideWithJsonSchemas() throws Exception {
        Map<String, Tool> tools = callTools(JOHN, 9000);

        assertThat(tools)
                .containsOnlyKeys("check_time_balance", "get_time_packages", "estimate_session_cost", "lookup_weather");
        for (Tool tool : tools.values()) {
            assertThat(Json.parse(tool.parametersJsonSchema()).path("type").asString())
                    .isEqualTo("object");
            assertThat(tool.description()).isNotBlank();
        }
        assertThat(Json.parse(tools.get("lookup_weather").parametersJsonSchema())
                        .path("required")
                        .toString())
                .contains("location");
    }

    @Test
    void checkTimeBalanceAsksTheTimeServiceAndSeesATopUpMadeAMomentAgo() throws Exception {
        Map<String, Tool> tools = callTools(JOHN, 9000);
        JsonNode before = call(tools, "check_time_balance", "{}");
        services.model.topUp(3600);
        JsonNode after = call(tools, "check_time_balance", "{}");

        assertThat(before.path("balance_seconds").asLong()).isBetween(8998L, 9000L);
        assertThat(before.path("balance").asString()).endsWith("2.5 hours");
        assertThat(before.path("low_balance").asBoolean()).isFalse();
        assertThat(after.path("balance_seconds").asLong()).isBetween(12598L, 12600L);
        assertThat(services.model.heartbeatCalls).isEqualTo(2);
    }

    @Test
    void checkTimeBalanceTellsAGuestTheirTimeIsNotTracked() throws Exception {
        JsonNode answer = call(callTools(GUEST, 0), "check_time_balance", "{}");

        assertThat(answer.path("caller").asString()).isEqualTo("guest");
        assertThat(answer.path("time_tracked").asBoolean()).isFalse();
        assertThat(answer.path("guest_seconds_left").asLong()).isBetween(178L, 180L);
    }

    @Test
    void getTimePackagesListsTheCatalogWithPricesAndHourlyRates() throws Exception {
        JsonNode answer = call(callTools(JOHN, 9000), "get_time_packages", "{}");

        assertThat(answer.path("packages")).hasSize(3);
        JsonNode basic = answer.path("packages").path(1);
        assertThat(basic.path("id").asString()).isEqualTo("basic_5h");
        assertThat(basic.path("hours").asDouble()).isEqualTo(5.0);
        assertThat(basic.path("price").asString()).isEqualTo("$39.99");
        assertThat(basic.path("price_per_hour").asString()).isEqualTo("$8.00");
    }

    @Test
    void getTimePackagesSaysSoWhenThePriceListCannotBeReached() throws Exception {
        Tool tool = GetTimePackages.tool(UnreachableTimeService.create(http));

        assertThat(Json.parse(tool.handler().call("{}")).path("error").asString())
                .isEqualTo("time_service_unreachable");
    }

    @Test
    void estimateSessionCostPricesThisCallsTimeAtAPackagesRateOrAsARange() throws Exception {
        ManualJobExecutor clock = new ManualJobExecutor();
        FakeTimeService time = FakeTimeService.on(clock, 9000);
        TimeKeeper keeper = new TimeKeeper(clock, time, MeteringRules.defaults(), new TimeListener() {});
        clock.execute(() -> keeper.begin(JOHN, "mindbot-7"));
        clock.advance(Duration.ofMinutes(10));
        Tool tool = EstimateSessionCost.tool(keeper, time);

        JsonNode basic = Json.parse(tool.handler().call("{\"package_id\":\"basic_5h\"}"));
        JsonNode range = Json.parse(tool.handler().call("{}"));

        assertThat(basic.path("seconds_talked").asLong()).isEqualTo(600);
        assertThat(basic.path("time_talked").asString()).isEqualTo("10 minutes");
        assertThat(basic.path("cost_cents").asLong()).isEqualTo(133); // 600 s at $39.99 per 5 h
        assertThat(basic.path("cost").asString()).isEqualTo("$1.33");
        assertThat(basic.path("seconds_left").asLong()).isEqualTo(8400);
        assertThat(range.path("cost_low").asString()).isEqualTo("$1.08"); // pro: $129.99 per 20 h
        assertThat(range.path("cost_high").asString()).isEqualTo("$1.67"); // starter: $9.99 per hour
    }

    @Test
    void estimateSessionCostChargesAGuestNothing() throws Exception {
        JsonNode answer = call(callTools(GUEST, 0), "estimate_session_cost", "{}");

        assertThat(answer.path("billed").asBoolean()).isFalse();
        assertThat(answer.path("cost_cents").asLong()).isZero();
    }

    @Test
    void lookupWeatherFindsThePlaceThenItsCurrentWeather() throws Exception {
        JsonNode answer = call(callTools(JOHN, 9000), "lookup_weather", "{\"location\":\"Berlin\"}");

        assertThat(answer.path("location").asString()).isEqualTo("Berlin");
        assertThat(answer.path("country").asString()).isEqualTo("Germany");
        assertThat(answer.path("temperature_c").asDouble()).isEqualTo(3.4);
        assertThat(answer.path("conditions").asString()).isEqualTo("overcast");
        assertThat(weather.queries.get(0)).contains("name=Berlin");
        assertThat(weather.queries.get(1)).contains("latitude=52.5244", "longitude=13.4105", "current=temperature_2m");
    }

    @Test
    void lookupWeatherSaysWhenItCannotFindThePlace() throws Exception {
        JsonNode answer = call(callTools(JOHN, 9000), "lookup_weather", "{\"location\":\"Atlantis\"}");

        assertThat(answer.path("error").asString()).isEqualTo("unknown_location");
        assertThat(answer.path("message").asString()).contains("Atlantis");
    }

    @Test
    void lookupWeatherSaysItCannotReachTheWeatherServiceWhenItIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        Tool tool = LookupWeather.tool(new WeatherService(http, nowhere, nowhere));

        JsonNode answer = Json.parse(tool.handler().call("{\"location\":\"Berlin\"}"));

        assertThat(answer.path("error").asString()).isEqualTo("weather_unreachable");
        assertThat(answer.path("message").asString()).isEqualTo("I can't reach the weather service right now.");
    }
}
