package ai.mindbot.agent.mindbot.tools;

import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.voice.Tool;
import java.util.Optional;

/** {@code lookup_weather}: the weather now in a named place, from Open-Meteo. */
final class LookupWeather {

    static final String NAME = "lookup_weather";
    static final String PARAMETERS = """
            {"type":"object","properties":{"location":{"type":"string","description":"a city or place name, e.g. Berlin"}},\
            "required":["location"]}""";

    private LookupWeather() {}

    static Tool tool(WeatherService weather) {
        return new Tool(NAME, "Look up the current weather in a city or place.", PARAMETERS, arguments -> {
            String location =
                    Json.parse(arguments).path("location").asString("").strip();
            if (location.isEmpty()) {
                return ToolAnswers.error("location_required", "Which place should I look up?");
            }
            Optional<Weather> found;
            try {
                found = ToolAnswers.await(weather.current(location));
            } catch (Exception e) {
                return ToolAnswers.error("weather_unreachable", "I can't reach the weather service right now.");
            }
            if (found.isEmpty()) {
                return ToolAnswers.error("unknown_location", "I couldn't find a place called " + location + ".");
            }
            Weather w = found.get();
            return Json.write(Json.object()
                    .put("location", w.place())
                    .put("country", w.country())
                    .put("temperature_c", w.temperatureC())
                    .put("conditions", w.conditions())
                    .put("wind_kmh", w.windKmh())
                    .put("humidity_percent", w.humidityPercent()));
        });
    }
}
