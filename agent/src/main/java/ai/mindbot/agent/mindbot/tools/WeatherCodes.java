package ai.mindbot.agent.mindbot.tools;

/** WMO weather interpretation codes (the {@code weather_code} Open-Meteo reports) in plain words. */
final class WeatherCodes {

    private WeatherCodes() {}

    static String describe(int code) {
        return switch (code) {
            case 0 -> "clear sky";
            case 1 -> "mainly clear";
            case 2 -> "partly cloudy";
            case 3 -> "overcast";
            case 45, 48 -> "foggy";
            case 51, 53, 55 -> "drizzle";
            case 56, 57 -> "freezing drizzle";
            case 61 -> "light rain";
            case 63 -> "rain";
            case 65 -> "heavy rain";
            case 66, 67 -> "freezing rain";
            case 71 -> "light snow";
            case 73 -> "snow";
            case 75 -> "heavy snow";
            case 77 -> "snow grains";
            case 80, 81 -> "rain showers";
            case 82 -> "violent rain showers";
            case 85, 86 -> "snow showers";
            case 95 -> "a thunderstorm";
            case 96, 99 -> "a thunderstorm with hail";
            default -> "unsettled weather";
        };
    }
}
