package ai.mindbot.agent.api;

/**
 * What became of an utterance given to a {@link Playback}: how much of it the room heard, and
 * whether it was cut short by {@link Playback#clear()}.
 */
public record Playout(long playedMillis, boolean interrupted) {

    public Playout {
        if (playedMillis < 0) {
            throw new IllegalArgumentException("playedMillis < 0: " + playedMillis);
        }
    }
}
