package ai.mindbot.time.session;

import ai.mindbot.common.web.ApiException;
import ai.mindbot.common.web.SharedProblems;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The refusals a session endpoint answers, each with its stable code. */
final class SessionProblems {

    private SessionProblems() {}

    static ApiException notFound() {
        return ApiException.notFound("the session");
    }

    static ApiException alreadySettled(VoiceSession s) {
        return new ApiException(
                HttpStatus.CONFLICT,
                "session_ended",
                "the session is already " + s.status().dbValue() + "; start a new one",
                // not "status": in a problem document that member is the HTTP status (RFC 9457)
                Map.of("session_status", s.status().dbValue()));
    }

    static ApiException notEnoughToStart(long available, long minimum) {
        return new ApiException(
                HttpStatus.PAYMENT_REQUIRED,
                "insufficient_balance",
                "a session needs at least " + minimum + " seconds available; " + available + " are",
                Map.of("available_seconds", available, "min_start_seconds", minimum));
    }

    static ApiException accountDisabled() {
        return SharedProblems.accountDisabled();
    }

    static ApiException busy() {
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "busy",
                "the account is changing under heavy concurrency; retry",
                Map.of("retry_after_seconds", 1));
    }

    /** Another writer changed the session or the account between our read and our write: re-read. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
