package ai.mindbot.agent.mindbot.brain;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the offline brain says to the turns that need no tool. */
final class SmallTalk {

    static final String CAPABILITIES =
            "I can tell you how much conversation time you have left, what time cards there are, "
                    + "what this call has cost so far, and the weather anywhere in the world.";

    private static final String[] FALLBACKS = {
        "I'm running in offline mode, so I can't chat about everything. " + CAPABILITIES
                + " What would you like to know?",
        "I'm not sure I can help with that in offline mode. You could ask me about your time balance, the time cards, "
                + "this call's cost, or the weather in a city.",
    };

    private SmallTalk() {}

    static String reply(Intent intent, int turn, Clock clock) {
        return switch (intent) {
            case GREETING -> "Hello! How can I help you today?";
            case WELLBEING -> "I'm doing well, thanks for asking! How can I help you?";
            case THANKS -> "You're welcome! Anything else I can do for you?";
            case HEARING -> "Yes, I can hear you. How can I help?";
            case ACKNOWLEDGED -> "Okay.";
            case GOODBYE -> "Goodbye! It was nice talking with you.";
            case IDENTITY -> "I'm MindBot, your voice assistant. " + CAPABILITIES;
            case CLOCK ->
                "It's "
                        + DateTimeFormatter.ofPattern("HH:mm")
                                .format(clock.instant().atOffset(ZoneOffset.UTC)) + " UTC right now.";
            default -> FALLBACKS[Math.floorMod(turn, FALLBACKS.length)];
        };
    }
}
