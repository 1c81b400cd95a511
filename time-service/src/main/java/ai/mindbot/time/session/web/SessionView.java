package ai.mindbot.time.session.web;

import ai.mindbot.time.session.VoiceSession;

/**
 * A session as the API shows it. Times are epoch milliseconds (one time format in every API);
 * {@code billed_seconds} is what it cost so far.
 */
record SessionView(
        String sessionId,
        String roomName,
        String participantIdentity,
        String status,
        long grantedSeconds,
        long billedSeconds,
        long startedAt,
        Long expiresAt,
        Long endedAt,
        String endReason) {

    static SessionView of(VoiceSession s) {
        return new SessionView(
                s.id(),
                s.roomName(),
                s.participantIdentity(),
                s.status().dbValue(),
                s.reservedSeconds(),
                s.usedSeconds(),
                s.startedAt(),
                s.isActive() ? s.expiresAt() : null,
                s.endedAt(),
                s.endReason());
    }
}
