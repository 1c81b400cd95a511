package ai.mindbot.time.session.web;

import ai.mindbot.time.session.SessionMeter;
import java.util.List;

/** The bodies the session endpoints answer with (snake_case on the wire). */
final class SessionResponses {

    private SessionResponses() {}

    record Started(String sessionId, long grantedSeconds, long expiresAt, long balanceSeconds) {
        static Started of(SessionMeter.Started s) {
            return new Started(
                    s.session().id(), s.session().reservedSeconds(), s.session().expiresAt(), s.balanceSeconds());
        }
    }

    record Heartbeat(
            long grantedSeconds, long remainingSeconds, boolean lowBalance, boolean finalSlice, String status) {
        static Heartbeat of(SessionMeter.Heartbeat h) {
            return new Heartbeat(
                    h.sliceSeconds(),
                    h.remainingSeconds(),
                    h.lowBalance(),
                    h.finalSlice(),
                    h.status().dbValue());
        }
    }

    record Ended(String sessionId, String status, long billedSeconds, long balanceSeconds) {
        static Ended of(SessionMeter.Ended e) {
            return new Ended(
                    e.session().id(),
                    e.session().status().dbValue(),
                    e.session().usedSeconds(),
                    e.balanceSeconds());
        }
    }

    record Page(List<SessionView> sessions, long total, int limit, int offset) {}
}
