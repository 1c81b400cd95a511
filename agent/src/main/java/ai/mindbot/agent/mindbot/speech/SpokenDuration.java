package ai.mindbot.agent.mindbot.speech;

/**
 * A number of seconds as a person says it: "less than a minute", "about 15 minutes", "1 hour and 10
 * minutes", "2.5 hours". Precise where precision matters to the listener (the last hour) and rounder
 * the more there is; "about" whenever the figure was rounded, so nothing sounds more exact than it is.
 */
public final class SpokenDuration {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;

    private SpokenDuration() {}

    public static String of(long seconds) {
        if (seconds <= 0) {
            return "no time";
        }
        if (seconds < MINUTE) {
            return "less than a minute";
        }
        if (seconds < HOUR - 30) {
            long minutes = Math.round(seconds / (double) MINUTE);
            String said = minutes == 1 ? "a minute" : minutes + " minutes";
            return approximately(seconds % MINUTE != 0, said);
        }
        if (seconds < 2 * HOUR - 150) {
            // up to two hours: hour and minutes, the minutes to the nearest five
            long fiveMinutes = Math.round(seconds / 300.0);
            long minutes = fiveMinutes * 5 - 60;
            boolean rounded = seconds != fiveMinutes * 300;
            if (minutes <= 0) {
                return approximately(rounded, "an hour");
            }
            if (minutes == 30) {
                return approximately(rounded, "1.5 hours");
            }
            return approximately(rounded, "1 hour and " + minutes + " minutes");
        }
        if (seconds < 10 * HOUR - 900) {
            long halfHours = Math.round(seconds / 1800.0);
            String said = halfHours % 2 == 0 ? halfHours / 2 + " hours" : halfHours / 2 + ".5 hours";
            return approximately(seconds != halfHours * 1800, said);
        }
        long hours = Math.round(seconds / (double) HOUR);
        return approximately(seconds != hours * HOUR, hours + " hours");
    }

    private static String approximately(boolean rounded, String said) {
        return rounded ? "about " + said : said;
    }
}
