package ai.mindbot.agent.mindbot.tools;

/** The current weather at a place, in metric units as Open-Meteo gives them by default. */
public record Weather(
        String place, String country, double temperatureC, String conditions, double windKmh, int humidityPercent) {}
