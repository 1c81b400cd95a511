package ai.mindbot.agent.voice;

/**
 * A finished user turn. Times are job-clock nanos; {@code lastSpeechNanos} and {@code lastFinalNanos}
 * are -1 for a typed turn (and the latter when no final transcript came).
 */
record UserTurn(String text, long lastSpeechNanos, long lastFinalNanos, long endedNanos) {

    static UserTurn typed(String text, long nowNanos) {
        return new UserTurn(text, -1, -1, nowNanos);
    }

    boolean spoken() {
        return lastSpeechNanos >= 0;
    }
}
