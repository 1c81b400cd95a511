package ai.mindbot.time.session;

import java.util.Locale;

/** A session as stored. Seconds are whole seconds; times are epoch milliseconds. */
public record VoiceSession(
        String id,
        String userId,
        String roomName,
        String participantIdentity,
        Status status,
        long reservedSeconds,
        long usedSeconds,
        String startedBy,
        long startedAt,
        long lastHeartbeatAt,
        long expiresAt,
        Long endedAt,
        String endReason,
        String endNote,
        long paidUntil,
        int commitCount) {

    /** Live while it holds a reservation; settled once, by an end or by the sweeper. */
    public enum Status {
        ACTIVE,
        ENDED,
        EXPIRED;

        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
