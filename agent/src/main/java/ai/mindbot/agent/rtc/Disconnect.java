package ai.mindbot.agent.rtc;

import java.util.Objects;

/**
 * Why a room connection ended, as a type: what the job does next depends on the {@link Cause},
 * never on the words of an exception's message. {@code reason} is for people (logs, LiveKit's job
 * status); {@code error} is what broke, when something did.
 */
public record Disconnect(Cause cause, String reason, Throwable error) {

    public enum Cause {
        /** We left ({@link RoomConnection#leave()}). */
        LEFT,
        /** LiveKit told us to go for good (a leave request without resume: removed, room closed). */
        REMOVED,
        /** The connection broke: could not connect, a peer connection failed, signalling lost and not resumed. */
        LOST
    }

    public Disconnect {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }

    public static Disconnect left() {
        return new Disconnect(Cause.LEFT, "left", null);
    }

    public static Disconnect removed(String reason) {
        return new Disconnect(Cause.REMOVED, reason, null);
    }

    public static Disconnect lost(String reason, Throwable error) {
        return new Disconnect(Cause.LOST, reason, Objects.requireNonNull(error, "error"));
    }
}
