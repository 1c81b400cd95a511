package ai.mindbot.agent.mindbot.speech;

import ai.mindbot.agent.mindbot.metering.EndCause;

/**
 * Everything MindBot says about the caller's time. The greetings follow the seed guide's three
 * cases; {@code name} is a first name or empty (then the line reads without one).
 */
public final class Lines {

    /** Below this a greeting suggests buying time cards (the time service's low-balance line, 15 minutes). */
    public static final long DEFAULT_LOW_BALANCE_SECONDS = 900;

    private Lines() {}

    public static String lowBalanceGreeting(String name, long balanceSeconds) {
        return "Hi" + spaced(name) + "! You have " + SpokenDuration.of(balanceSeconds)
                + " left. Consider purchasing more time cards to continue our conversations!";
    }

    public static String greeting(String name, long balanceSeconds) {
        return "Welcome back" + comma(name) + "! You have " + SpokenDuration.of(balanceSeconds)
                + " of conversation time remaining. What would you like to talk about today?";
    }

    public static String guestGreeting(long capSeconds) {
        return "Hey there! I'm MindBot. Note that as a guest, your session time isn't tracked, and guest calls last up to "
                + SpokenDuration.of(capSeconds) + ". Consider creating an account to purchase time cards!";
    }

    public static String notEnoughTime(String name, long availableSeconds, long minimumSeconds) {
        String have =
                availableSeconds <= 0 ? "no conversation time left" : "only " + seconds(availableSeconds) + " left";
        return "Hi" + spaced(name) + ". I'm sorry, you have " + have + ", and a conversation needs at least "
                + seconds(minimumSeconds)
                + ". Please buy a time card in the MindBot app, and I'll be glad to talk. Goodbye!";
    }

    public static String finalMinute(long secondsLeft) {
        return "Just so you know, you have " + SpokenDuration.of(secondsLeft) + " left in this call.";
    }

    public static String guestFinalMinute(long secondsLeft) {
        return "Just so you know, our guest call ends in " + SpokenDuration.of(secondsLeft) + ".";
    }

    public static String lowBalance(long secondsLeft) {
        return "Heads up: your balance is down to " + SpokenDuration.of(secondsLeft)
                + ". You can buy more time cards whenever you like.";
    }

    public static String toppedUp(long secondsLeft) {
        return "Thanks for topping up! You now have " + SpokenDuration.of(secondsLeft) + ".";
    }

    public static String timeServiceUnreachable() {
        return "I can't reach the time service right now, so I can't check your balance. "
                + "We can talk for up to a minute while I keep trying.";
    }

    public static String timeServiceBack(long balanceSeconds) {
        return "I'm back in touch with the time service: you have " + SpokenDuration.of(balanceSeconds) + ".";
    }

    public static String goodbye(EndCause cause, String name) {
        return switch (cause) {
            case BALANCE_EXHAUSTED ->
                "Your time is up, so I have to end our call now. Thanks for talking with me" + comma(name)
                        + ". Goodbye!";
            case GUEST_LIMIT -> "That's the end of our guest call. Create an account to talk longer. Goodbye!";
            case TIME_SERVICE_UNAVAILABLE ->
                "I can't reach the time service, so I have to end our call now. "
                        + "You're only billed for the time we talked. Goodbye!";
            case SESSION_ENDED -> "This call can't continue on your account right now. Goodbye!";
            case NOT_ENOUGH_TIME -> "Goodbye!";
        };
    }

    private static String comma(String name) {
        return name == null || name.isBlank() ? "" : ", " + name;
    }

    private static String spaced(String name) {
        return name == null || name.isBlank() ? "" : " " + name;
    }

    private static String seconds(long seconds) {
        return seconds < 60 ? seconds + (seconds == 1 ? " second" : " seconds") : SpokenDuration.of(seconds);
    }
}
