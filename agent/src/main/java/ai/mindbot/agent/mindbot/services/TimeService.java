package ai.mindbot.agent.mindbot.services;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The time service as the agent uses it (docs/metering.md): metered sessions started on a user's
 * behalf with the agent's own credential, and the public price list. Futures complete on HTTP
 * threads; {@link ServiceRefusedException} and {@link ServiceUnavailableException} are the failures.
 */
public interface TimeService {

    /** {@code POST /time/sessions} as the agent, for {@code userId}; 402 fails with code {@code insufficient_balance}. */
    CompletableFuture<SessionStarted> start(SessionRequest request);

    /** {@code POST /time/sessions/{id}/heartbeat}: commits the use so far and renews the hold. */
    CompletableFuture<HeartbeatAnswer> heartbeat(String sessionId);

    /** {@code POST /time/sessions/{id}/end}: bills the exact use; ending twice bills once. */
    CompletableFuture<SessionEnded> end(String sessionId);

    /** {@code GET /time/pricing}. */
    CompletableFuture<List<TimePackage>> pricing();

    record SessionRequest(String userId, String email, String roomName, String participantIdentity) {}

    /** What a start grants: the first hold, and the user's balance when it started. */
    record SessionStarted(String sessionId, long grantedSeconds, long balanceSeconds) {}

    /**
     * A heartbeat's figures: the new hold, what this session can still talk at most (the balance,
     * a top-up included, less what the user's other calls hold), whether the balance is under the
     * low-balance line and whether this is the last, short slice. {@code ended} when nothing was left
     * to hold and the time service ended the session itself.
     */
    record HeartbeatAnswer(
            long grantedSeconds, long remainingSeconds, boolean lowBalance, boolean finalSlice, boolean ended) {}

    record SessionEnded(String sessionId, long billedSeconds, long balanceSeconds) {}

    /** One time card of the catalog; money in integer cents of {@code currency}. */
    record TimePackage(String id, String name, long seconds, long priceCents, String currency, String description) {

        public TimePackage {
            if (seconds <= 0 || priceCents < 0) {
                throw new IllegalArgumentException("a time package has positive seconds and a price: " + id);
            }
        }
    }
}
