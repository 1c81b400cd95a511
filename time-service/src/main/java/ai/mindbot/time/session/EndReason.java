package ai.mindbot.time.session;

import java.util.Locale;

/** Why a session stopped; stored as {@code voice_sessions.end_reason}. */
public enum EndReason {
    /** The agent or the user ended it. */
    CLIENT,
    /** LiveKit said the participant left the room. */
    PARTICIPANT_LEFT,
    /** LiveKit said the room closed. */
    ROOM_FINISHED,
    /** An admin ended it. */
    ADMIN,
    /** The reservation lapsed without a heartbeat; the sweeper settled it. */
    RESERVATION_LAPSED,
    /** A heartbeat found nothing left to reserve. */
    BALANCE_EXHAUSTED,
    /** A heartbeat found the account disabled. */
    ACCOUNT_DISABLED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
