package ai.mindbot.agent.mindbot.tools;

import ai.mindbot.agent.mindbot.services.Endpoints;
import ai.mindbot.agent.mindbot.services.JsonHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Open-Meteo, free and keyless: the geocoding API ({@code GET /v1/search?name=}) finds the place and
 * the forecast API ({@code GET /v1/forecast?current=...}) gives its weather now. Both base URLs are
 * configurable ({@code WEATHER_GEOCODING_URL}, {@code WEATHER_FORECAST_URL}) so tests point them at a
 * local fake. Failures surface as {@link ai.mindbot.agent.mindbot.services.ServiceUnavailableException}
 * or {@link ai.mindbot.agent.mindbot.services.ServiceRefusedException}; an unknown place is empty.
 */
public final class WeatherService {

    public static final String DEFAULT_GEOCODING_URL = "https://geocoding-api.open-meteo.com";
    public static final String DEFAULT_FORECAST_URL = "https://api.open-meteo.com";
    private static final String CURRENT = "temperature_2m,relative_humidity_2m,weather_code,wind_speed_10m";

    private final JsonHttp http;
    private final URI geocoding;
    private final URI forecast;

    public WeatherService(JsonHttp http, URI geocodingUrl, URI forecastUrl) {
        this.http = http;
        this.geocoding = geocodingUrl;
        this.forecast = forecastUrl;
    }

    public CompletableFuture<Optional<Weather>> current(String place) {
        URI search = Endpoints.under(
                geocoding,
                "/v1/search?name=" + URLEncoder.encode(place.strip(), StandardCharsets.UTF_8)
                        + "&count=1&language=en&format=json");
        return http.get(search, null).thenCompose(found -> {
            JsonNode first = found.path("results").path(0);
            if (first.isMissingNode()) {
                return CompletableFuture.completedFuture(Optional.<Weather>empty());
            }
            double latitude = first.path("latitude").asDouble();
            double longitude = first.path("longitude").asDouble();
            URI now = Endpoints.under(
                    forecast,
                    String.format(
                            Locale.ROOT,
                            "/v1/forecast?latitude=%.4f&longitude=%.4f&current=%s",
                            latitude,
                            longitude,
                            CURRENT));
            return http.get(now, null).thenApply(answer -> {
                JsonNode current = answer.path("current");
                if (!current.has("temperature_2m")) {
                    throw new IllegalStateException("the forecast had no current weather");
                }
                return Optional.of(new Weather(
                        first.path("name").asString(place),
                        first.path("country").asString(""),
                        current.path("temperature_2m").asDouble(),
                        WeatherCodes.describe(current.path("weather_code").asInt(-1)),
                        current.path("wind_speed_10m").asDouble(),
                        current.path("relative_humidity_2m").asInt()));
            });
        });
    }
}
