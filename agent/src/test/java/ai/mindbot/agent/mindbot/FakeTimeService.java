package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.services.ServiceRefusedException;
import ai.mindbot.agent.mindbot.services.ServiceUnavailableException;
import ai.mindbot.agent.mindbot.services.TimeService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The time service's metering rules (docs/metering.md) in memory for one user, on the test's clock:
 * a start holds min(slice, available) or refuses with 402 under the minimum; a heartbeat bills the
 * seconds used (rounded up, never more than held), and holds the next slice or ends the session when
 * nothing is left; an end bills the exact use. It answers at once (futures already complete) unless
 * {@link #down} says the service is unreachable. Its books let tests check what was really billed.
 */
public final class FakeTimeService implements TimeService {

    public static final long SLICE = 60;
    public static final long MIN_START = 30;
    public static final long LOW_LINE = 900;

    private final LongSupplier millis;
    private long balance;
    private long reserved;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    public volatile boolean down;
    public int startCalls;
    public int heartbeatCalls;
    public int endCalls;
    public int pricingCalls;

    private static final class Session {
        long held;
        long paidUntil;
        long started;
        long billed;
        boolean active = true;
    }

    public FakeTimeService(LongSupplier millis, long balanceSeconds) {
        this.millis = millis;
        this.balance = balanceSeconds;
    }

    public static FakeTimeService on(ManualJobExecutor clock, long balanceSeconds) {
        return new FakeTimeService(() -> clock.nanoTime() / 1_000_000, balanceSeconds);
    }

    public synchronized long balance() {
        return balance;
    }

    public synchronized void topUp(long seconds) {
        balance += seconds;
    }

    public synchronized long activeSessions() {
        return sessions.values().stream().filter(s -> s.active).count();
    }

    public synchronized long billedSeconds() {
        return sessions.values().stream().mapToLong(s -> s.billed).sum();
    }

    @Override
    public synchronized CompletableFuture<SessionStarted> start(SessionRequest request) {
        startCalls++;
        if (down) {
            return unreachable();
        }
        long available = balance - reserved;
        if (available < MIN_START) {
            return CompletableFuture.failedFuture(new ServiceRefusedException(
                    402,
                    "insufficient_balance",
                    Json.object()
                            .put("code", "insufficient_balance")
                            .put("available_seconds", available)
                            .put("min_start_seconds", MIN_START)));
        }
        Session s = new Session();
        s.held = Math.min(SLICE, available);
        s.started = s.paidUntil = millis.getAsLong();
        reserved += s.held;
        String id = "vs_" + (sessions.size() + 1);
        sessions.put(id, s);
        return CompletableFuture.completedFuture(new SessionStarted(id, s.held, balance));
    }

    @Override
    public synchronized CompletableFuture<HeartbeatAnswer> heartbeat(String sessionId) {
        heartbeatCalls++;
        if (down) {
            return unreachable();
        }
        Session s = sessions.get(sessionId);
        if (s == null || !s.active) {
            return CompletableFuture.failedFuture(new ServiceRefusedException(409, "session_ended", Json.object()));
        }
        commit(s);
        long remaining = Math.max(0, balance - reserved);
        long grant = Math.min(SLICE, remaining);
        if (grant == 0) {
            s.active = false;
            return CompletableFuture.completedFuture(new HeartbeatAnswer(0, remaining, balance < LOW_LINE, true, true));
        }
        s.held = grant;
        reserved += grant;
        return CompletableFuture.completedFuture(
                new HeartbeatAnswer(grant, remaining, balance < LOW_LINE, grant < SLICE, false));
    }

    @Override
    public synchronized CompletableFuture<SessionEnded> end(String sessionId) {
        endCalls++;
        if (down) {
            return unreachable();
        }
        Session s = sessions.get(sessionId);
        if (s.active) {
            commit(s);
            s.active = false;
        }
        return CompletableFuture.completedFuture(new SessionEnded(sessionId, s.billed, balance));
    }

    @Override
    public synchronized CompletableFuture<List<TimePackage>> pricing() {
        pricingCalls++;
        if (down) {
            return unreachable();
        }
        return CompletableFuture.completedFuture(List.of(
                new TimePackage("starter_1h", "Starter", 3600, 999, "usd", "1 hour"),
                new TimePackage("basic_5h", "Basic", 18000, 3999, "usd", "5 hours"),
                new TimePackage("pro_20h", "Pro", 72000, 12999, "usd", "20 hours")));
    }

    /** Bills the whole seconds used since the last commit, at most the hold, and releases the hold. */
    private void commit(Session s) {
        long now = millis.getAsLong();
        long used = Math.max(0, (now - s.paidUntil + 999) / 1000);
        long charge = Math.min(used, s.held);
        s.paidUntil = charge < used ? now : s.paidUntil + charge * 1000;
        s.billed += charge;
        balance -= charge;
        reserved -= s.held;
        s.held = 0;
    }

    private static <T> CompletableFuture<T> unreachable() {
        return CompletableFuture.failedFuture(new ServiceUnavailableException("connection refused"));
    }
}
