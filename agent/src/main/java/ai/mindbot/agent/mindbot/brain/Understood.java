package ai.mindbot.agent.mindbot.brain;

/** A user turn read: its intent and, for the weather, the place named (empty when none was). */
record Understood(Intent intent, String place) {

    static Understood of(Intent intent) {
        return new Understood(intent, "");
    }
}
