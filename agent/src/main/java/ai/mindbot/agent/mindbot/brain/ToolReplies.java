package ai.mindbot.agent.mindbot.brain;

import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.tools.MindBotTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Phrases a tool's JSON answer the way MindBot says it. */
final class ToolReplies {

    private static final String[] COUNTS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };

    private ToolReplies() {}

    static String phrase(String toolName, String content) {
        JsonNode answer;
        try {
            answer = Json.parse(content);
        } catch (RuntimeException notJson) {
            return content; // a tool that answered in words already
        }
        if (answer.has("error")) {
            return answer.path("message").asString("Sorry, that didn't work.");
        }
        return switch (toolName) {
            case MindBotTools.CHECK_TIME_BALANCE -> balance(answer);
            case MindBotTools.GET_TIME_PACKAGES -> packages(answer);
            case MindBotTools.ESTIMATE_SESSION_COST -> cost(answer);
            case MindBotTools.LOOKUP_WEATHER -> weather(answer);
            default -> "Done.";
        };
    }

    private static String balance(JsonNode a) {
        if (a.path("caller").asString().equals("guest")) {
            return "As a guest your time isn't tracked, but this guest call has "
                    + a.path("guest_time_left").asString()
                    + " left. With an account you can buy time cards and talk longer.";
        }
        String said = "You have " + a.path("balance").asString() + " of conversation time left.";
        return a.path("low_balance").asBoolean()
                ? said + " That's getting low; you can buy more time cards any time."
                : said;
    }

    private static String packages(JsonNode a) {
        List<String> items = new ArrayList<>();
        JsonNode best = null;
        for (JsonNode p : a.path("packages")) {
            items.add(p.path("name").asString() + ", " + hours(p.path("hours").asDouble()) + " for "
                    + p.path("price").asString());
            if (best == null
                    || p.path("price_cents").asDouble() / p.path("seconds").asDouble()
                            < best.path("price_cents").asDouble()
                                    / best.path("seconds").asDouble()) {
                best = p;
            }
        }
        if (items.isEmpty()) {
            return "There are no time cards on sale right now.";
        }
        String count = items.size() < COUNTS.length ? COUNTS[items.size()] : String.valueOf(items.size());
        String said = "There " + (items.size() == 1 ? "is one time card: " : "are " + count + " time cards: ")
                + list(items) + ".";
        if (items.size() > 1) {
            said += " " + best.path("name").asString() + " is the best value, at "
                    + best.path("price_per_hour").asString() + " an hour.";
        }
        return said;
    }

    private static String cost(JsonNode a) {
        String said = "We've been talking for " + a.path("time_talked").asString() + ".";
        if (a.path("caller").asString().equals("guest")) {
            said += " As a guest, this call costs you nothing.";
        } else if (a.has("cost")) {
            said += " At the " + a.path("package_id").asString() + " rate that comes to "
                    + cents(a.path("cost_cents").asLong(), a.path("cost").asString()) + ".";
        } else if (a.has("cost_low")) {
            String low =
                    cents(a.path("cost_low_cents").asLong(), a.path("cost_low").asString());
            String high = cents(
                    a.path("cost_high_cents").asLong(), a.path("cost_high").asString());
            said += low.equals(high)
                    ? " That comes to " + low + "."
                    : " That comes to between " + low + " and " + high + ", depending on which time card it came from.";
        }
        if (a.has("time_left")) {
            said += " You have " + a.path("time_left").asString() + " left.";
        }
        return said;
    }

    private static String weather(JsonNode a) {
        String place = a.path("location").asString();
        String country = a.path("country").asString("");
        long degrees = Math.round(a.path("temperature_c").asDouble());
        return "In " + place + (country.isEmpty() || country.equals(place) ? "" : ", " + country) + " it's " + degrees
                + (Math.abs(degrees) == 1 ? " degree" : " degrees") + " Celsius with "
                + a.path("conditions").asString()
                + ", and the wind is at " + Math.round(a.path("wind_kmh").asDouble()) + " kilometres per hour.";
    }

    private static String hours(double hours) {
        if (hours == Math.rint(hours)) {
            long whole = (long) hours;
            return whole + (whole == 1 ? " hour" : " hours");
        }
        return String.format(Locale.ROOT, "%.1f hours", hours);
    }

    private static String cents(long cents, String formatted) {
        return cents == 0 ? "less than a cent" : formatted;
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join("; ", items.subList(0, items.size() - 1)) + "; and " + items.get(items.size() - 1);
    }
}
