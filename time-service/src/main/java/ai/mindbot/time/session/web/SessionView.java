package ai.mindbot.time.session.web;

import java.time.Instant;

import ai.mindbot.time.session.VoiceSession;

/** A session as the API shows it. Times are ISO-8601 UTC; {@code billed_seconds} is what it cost so far. */
record SessionView(String sessionId, String roomName, String participantIdentity, String status,
        long grantedSeconds, long billedSeconds, String startedAt, String expiresAt, String endedAt,
        String endReason) {

    static SessionView of(VoiceSession s) {
        return new SessionView(s.id(), s.roomName(), s.participantIdentity(), s.status().dbValue(),
                s.reservedSeconds(), s.usedSeconds(), iso(s.startedAt()), s.isActive() ? iso(s.expiresAt()) : null,
                s.endedAt() == null ? null : iso(s.endedAt()), s.endReason());
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
