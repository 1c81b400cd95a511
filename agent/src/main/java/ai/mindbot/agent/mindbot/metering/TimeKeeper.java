package ai.mindbot.agent.mindbot.metering;

import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.services.ServiceRefusedException;
import ai.mindbot.agent.mindbot.services.TimeService;
import ai.mindbot.agent.mindbot.services.TimeService.HeartbeatAnswer;
import ai.mindbot.agent.mindbot.services.TimeService.SessionStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metering state machine of one call (docs/metering.md's reserve/heartbeat/end, seen from the
 * agent). Everything runs on the job's thread: answers from the time service are handed back with
 * {@link JobExecutor#execute} and timers use {@link JobExecutor#schedule}, so no locks are needed and
 * a test moves a manual clock instead of sleeping.
 *
 * <p>Where the call ends is computed from the last figure the time service gave,
 * {@code remaining_seconds}, counted from when that heartbeat was <em>sent</em>: the server's own
 * zero can only be later, so the agent never talks past the balance. Heartbeats are placed at the
 * points that matter (a minute before zero for the warning, the goodbye's lead before zero, zero
 * itself) besides the regular pace, so each decision rests on a fresh figure, including time bought
 * in another tab meanwhile.
 */
public final class TimeKeeper {

    private static final Logger log = LoggerFactory.getLogger(TimeKeeper.class);
    private static final long NANOS = 1_000_000_000L;
    /** A heartbeat figure this much above what was expected means time was bought meanwhile. */
    private static final long TOP_UP_TOLERANCE_SECONDS = 5;

    private enum Phase {
        IDLE,
        STARTING,
        METERED,
        GUEST,
        REFUSED,
        OVER
    }

    private final JobExecutor executor;
    private final TimeService service;
    private final MeteringRules rules;
    private final TimeListener listener;

    private Phase phase = Phase.IDLE;
    private Caller caller;
    private String roomName;
    private String sessionId;
    private boolean sessionOpen;
    private boolean heartbeatInFlight;
    private boolean outage;
    private boolean finalWarned;
    private boolean goodbyeSaid;
    private boolean lowBalance;
    private long callStartNanos;
    private long outageDeadlineNanos;
    /** The last remaining_seconds and when the heartbeat that gave it was sent. */
    private long remainingSeconds;

    private long readingNanos;
    /** When the hold the time service last granted runs out. */
    private long holdEndsNanos;

    private final JobTimers timers;
    private final List<CompletableFuture<Reading>> waitingForFigures = new ArrayList<>();
    private volatile CompletableFuture<?> ending = CompletableFuture.completedFuture(null);
    private volatile Snapshot snapshot = new Snapshot(Phase.IDLE, false, 0, 0, -1, false);

    /** What other threads may read: the figures and the instant they were taken. */
    private record Snapshot(
            Phase phase,
            boolean metered,
            long callStartNanos,
            long readingNanos,
            long remainingSeconds,
            boolean lowBalance) {}

    public TimeKeeper(JobExecutor executor, TimeService service, MeteringRules rules, TimeListener listener) {
        this.executor = executor;
        this.service = service;
        this.rules = rules;
        this.listener = listener;
        this.timers = new JobTimers(executor);
    }

    /** The caller joined: start metering (a user) or the guest cap. Job thread; once per call. */
    public void begin(Caller who, String room) {
        if (phase != Phase.IDLE) {
            return;
        }
        caller = who;
        roomName = room;
        callStartNanos = executor.nanoTime();
        if (who.isGuest()) {
            beginGuest();
        } else {
            phase = Phase.STARTING;
            requestStart();
        }
    }

    /** The caller left or the job is ending: end the session exactly once and stop every timer. Job thread. */
    public void stop() {
        finish();
    }

    /** Completes when the end of the session has been answered (or failed); done at once if none was open. */
    public CompletableFuture<?> ending() {
        return ending;
    }

    /** The figures now, from any thread. */
    public Reading reading() {
        Snapshot s = snapshot;
        long now = executor.nanoTime();
        if (s.phase == Phase.IDLE || s.phase == Phase.STARTING) {
            return Reading.UNKNOWN;
        }
        long talked = Math.max(0, (now - s.callStartNanos) / NANOS);
        long left = s.remainingSeconds < 0
                ? -1
                : Math.max(0, s.remainingSeconds - Math.max(0, (now - s.readingNanos) / NANOS));
        return new Reading(s.metered, s.phase == Phase.GUEST, talked, left, s.lowBalance);
    }

    /**
     * Fresh figures, from any thread: a heartbeat now (which also sees a top-up made meanwhile), then
     * the reading. Guests and calls without a live session answer at once.
     */
    public CompletableFuture<Reading> refresh() {
        CompletableFuture<Reading> answer = new CompletableFuture<>();
        executor.execute(() -> {
            if (phase == Phase.METERED && sessionOpen && !outage) {
                waitingForFigures.add(answer);
                heartbeat();
            } else if (phase == Phase.STARTING && !outage) {
                waitingForFigures.add(answer); // asked in the first moment: the start's figures answer it
            } else {
                answer.complete(reading());
            }
        });
        return answer;
    }

    // ---- guests

    private void beginGuest() {
        phase = Phase.GUEST;
        remainingSeconds = rules.guestMax().toSeconds();
        readingNanos = callStartNanos;
        publish();
        listener.started(caller, remainingSeconds, false);
        long cap = rules.guestMax().toNanos();
        if (cap > rules.warning().toNanos() + rules.goodbyeLead().toNanos()) {
            timers.at(
                    callStartNanos + cap - rules.warning().toNanos(),
                    () -> listener.finalMinute(rules.warning().toSeconds()));
        }
        timers.at(
                callStartNanos + cap - Math.min(cap, rules.goodbyeLead().toNanos()),
                () -> sayGoodbye(EndCause.GUEST_LIMIT));
        timers.at(callStartNanos + cap, () -> timeUp(EndCause.GUEST_LIMIT));
    }

    // ---- starting

    private void requestStart() {
        long sent = executor.nanoTime();
        TimeService.SessionRequest request =
                new TimeService.SessionRequest(caller.userId(), caller.email(), roomName, caller.identity());
        onJob(service.start(request), (started, error) -> {
            if (error == null) {
                started(started, sent);
            } else {
                startFailed(error);
            }
        });
    }

    private void started(SessionStarted started, long sent) {
        sessionId = started.sessionId();
        sessionOpen = true;
        if (phase == Phase.OVER) {
            closeSession(); // the caller left while the start was on its way
            return;
        }
        timers.cancelAll();
        boolean afterOutage = outage;
        outage = false;
        phase = Phase.METERED;
        callStartNanos = sent;
        // A grant smaller than the balance is a slice of it; a grant of the whole balance is all there is.
        remainingSeconds = started.grantedSeconds() < started.balanceSeconds()
                ? started.balanceSeconds()
                : started.grantedSeconds();
        readingNanos = sent;
        holdEndsNanos = sent + started.grantedSeconds() * NANOS;
        lowBalance = started.balanceSeconds() < rules.lowBalanceLine();
        finalWarned = remainingSeconds <= rules.warning().toSeconds(); // the greeting says it
        publish();
        log.info(
                "metering call in {} for user {}: session {}, balance {} s",
                roomName,
                caller.userId(),
                sessionId,
                started.balanceSeconds());
        if (afterOutage) {
            listener.reconnected(started.balanceSeconds());
        } else {
            listener.started(caller, started.balanceSeconds(), lowBalance);
        }
        if (remainingSeconds <= rules.goodbyeLead().toSeconds()) {
            sayGoodbye(EndCause.BALANCE_EXHAUSTED);
        }
        scheduleHeartbeat();
        answerWaiting();
    }

    private void startFailed(Throwable error) {
        answerWaiting();
        if (phase == Phase.OVER) {
            return;
        }
        if (error instanceof ServiceRefusedException refused && (refused.status() == 401 || refused.status() == 429)) {
            // The agent's own credential was refused (a wrong AGENT_API_KEY, then rate-limited for it):
            // metering is out, which is not the caller's doing.
            log.error("the agent's credential was refused ({}); check AGENT_API_KEY", refused.code());
        } else if (error instanceof ServiceRefusedException refused) {
            if (refused.code().equals("insufficient_balance")) {
                phase = Phase.REFUSED;
                publish();
                listener.refused(
                        refused.problem().path("available_seconds").asLong(0),
                        refused.problem().path("min_start_seconds").asLong(30));
                timers.after(rules.refusalLinger(), () -> timeUp(EndCause.NOT_ENOUGH_TIME));
            } else {
                log.warn("time service refused a session for user {}: {}", caller.userId(), refused.code());
                endSoon(EndCause.SESSION_ENDED);
            }
            return;
        }
        log.warn("time service unreachable at the start of a call in {}: {}", roomName, error.getMessage());
        if (!outage) {
            // One slice, the most a crash could ever cost the user, is also the most an outage gives free.
            outage = true;
            outageDeadlineNanos = callStartNanos + rules.outageAllowance().toNanos();
            listener.unreachable();
            timers.at(
                    outageDeadlineNanos - rules.goodbyeLead().toNanos(),
                    () -> sayGoodbye(EndCause.TIME_SERVICE_UNAVAILABLE));
            timers.at(outageDeadlineNanos, () -> timeUp(EndCause.TIME_SERVICE_UNAVAILABLE));
        }
        if (executor.nanoTime() + rules.retry().toNanos()
                < outageDeadlineNanos - rules.goodbyeLead().toNanos()) {
            timers.after(rules.retry(), this::requestStart);
        }
    }

    // ---- heartbeats

    private void scheduleHeartbeat() {
        long now = executor.nanoTime();
        long zero = zeroNanos();
        long next = now + rules.heartbeat().toNanos();
        if (goodbyeSaid) {
            next = Math.min(next, zero);
        } else {
            long warningPoint = zero - rules.warning().toNanos();
            if (!finalWarned && warningPoint > now) {
                next = Math.min(next, warningPoint);
            }
            next = Math.min(next, Math.max(now, zero - rules.goodbyeLead().toNanos()));
        }
        timers.at(Math.max(now, next), this::heartbeat);
    }

    private void heartbeat() {
        if (phase != Phase.METERED || !sessionOpen || heartbeatInFlight) {
            return;
        }
        heartbeatInFlight = true;
        long sent = executor.nanoTime();
        onJob(service.heartbeat(sessionId), (answer, error) -> {
            heartbeatInFlight = false;
            if (phase != Phase.METERED) {
                answerWaiting();
                return;
            }
            if (error == null) {
                heartbeatAnswered(answer, sent);
            } else {
                heartbeatFailed(error);
            }
            answerWaiting();
        });
    }

    private void heartbeatAnswered(HeartbeatAnswer answer, long sent) {
        timers.cancelAll();
        boolean afterOutage = outage;
        outage = false;
        long expected = remainingSeconds - (sent - readingNanos) / NANOS;
        boolean toppedUp = answer.remainingSeconds() > expected + TOP_UP_TOLERANCE_SECONDS;
        remainingSeconds = answer.remainingSeconds();
        readingNanos = sent;
        holdEndsNanos = sent + answer.grantedSeconds() * NANOS;
        boolean crossedLow = answer.lowBalance() && !lowBalance;
        lowBalance = answer.lowBalance();
        if (answer.ended()) {
            sessionOpen = false; // the time service ended it in the same step: nothing left to hold
            publish();
            endSoon(EndCause.BALANCE_EXHAUSTED);
            return;
        }
        publish();
        if (afterOutage && remainingSeconds > rules.goodbyeLead().toSeconds()) {
            goodbyeSaid = false; // a goodbye for the outage may have been said; the call goes on after all
            listener.reconnected(remainingSeconds);
        }
        if (toppedUp) {
            finalWarned = remainingSeconds <= rules.warning().toSeconds();
            goodbyeSaid = false;
            listener.toppedUp(remainingSeconds);
        } else if (crossedLow && remainingSeconds > rules.warning().toSeconds()) {
            listener.lowBalance(remainingSeconds);
        }
        if (remainingSeconds <= rules.goodbyeLead().toSeconds()) {
            sayGoodbye(EndCause.BALANCE_EXHAUSTED);
        } else if (!finalWarned
                && (answer.finalSlice() || remainingSeconds <= rules.warning().toSeconds())) {
            finalWarned = true;
            listener.finalMinute(remainingSeconds);
        }
        scheduleHeartbeat();
    }

    private void heartbeatFailed(Throwable error) {
        if (error instanceof ServiceRefusedException refused && (refused.status() == 404 || refused.status() == 409)) {
            // session_ended (an admin, a lapsed hold) or not_found: there is no session to talk on
            log.warn("time service ended session {} under the agent: {}", sessionId, refused.code());
            sessionOpen = false;
            timers.cancelAll();
            endSoon(EndCause.SESSION_ENDED);
            return;
        }
        log.warn("heartbeat for session {} failed: {}", sessionId, error.getMessage());
        if (!outage) {
            // Talk on only while the hold we have lasts: it is reserved, so nothing beyond it is given free.
            outage = true;
            timers.cancelAll();
            timers.at(
                    holdEndsNanos - rules.goodbyeLead().toNanos(), () -> sayGoodbye(EndCause.TIME_SERVICE_UNAVAILABLE));
            timers.at(holdEndsNanos, () -> timeUp(EndCause.TIME_SERVICE_UNAVAILABLE));
        }
        if (executor.nanoTime() + rules.retry().toNanos()
                < holdEndsNanos - rules.goodbyeLead().toNanos()) {
            timers.after(rules.retry(), this::heartbeat);
        }
    }

    // ---- ending

    private void sayGoodbye(EndCause cause) {
        if (!goodbyeSaid && phase != Phase.OVER) {
            goodbyeSaid = true;
            listener.goodbye(cause);
        }
    }

    /** Goodbye now, the cut after the goodbye's lead (used when the end was not foreseen). */
    private void endSoon(EndCause cause) {
        boolean alreadySaid = goodbyeSaid;
        sayGoodbye(cause);
        if (alreadySaid) {
            timeUp(cause);
        } else {
            timers.after(rules.goodbyeLead(), () -> timeUp(cause));
        }
    }

    private void timeUp(EndCause cause) {
        if (!finish()) {
            return;
        }
        log.info("call in {} over: {}", roomName, cause);
        listener.timeUp(cause);
    }

    /** Ends the call once: timers off, session closed, figures published, waiters answered. False if already over. */
    private boolean finish() {
        if (phase == Phase.OVER) {
            return false;
        }
        phase = Phase.OVER;
        timers.cancelAll();
        closeSession();
        publish();
        answerWaiting();
        return true;
    }

    private void closeSession() {
        if (!sessionOpen) {
            return;
        }
        sessionOpen = false;
        String id = sessionId;
        ending = service.end(id).whenComplete((ended, error) -> {
            if (error != null) {
                // The time service's lease (the sweeper) and LiveKit's participant_left webhook settle it.
                log.warn(
                        "ending session {} failed; the time service's sweeper will settle it: {}",
                        id,
                        unwrap(error).getMessage());
            } else {
                log.info(
                        "session {} ended: {} s billed, balance {} s",
                        id,
                        ended.billedSeconds(),
                        ended.balanceSeconds());
            }
        });
    }

    // ---- plumbing

    private long zeroNanos() {
        return readingNanos + remainingSeconds * NANOS;
    }

    private void publish() {
        snapshot = new Snapshot(
                phase,
                phase == Phase.METERED && sessionOpen,
                callStartNanos,
                readingNanos,
                phase == Phase.IDLE || phase == Phase.STARTING ? -1 : remainingSeconds,
                lowBalance);
    }

    private void answerWaiting() {
        if (waitingForFigures.isEmpty()) {
            return;
        }
        Reading now = reading();
        List<CompletableFuture<Reading>> waiting = List.copyOf(waitingForFigures);
        waitingForFigures.clear();
        waiting.forEach(f -> f.complete(now));
    }

    private <T> void onJob(CompletableFuture<T> future, BiConsumer<T, Throwable> handler) {
        future.whenComplete(
                (value, error) -> executor.execute(() -> handler.accept(value, error == null ? null : unwrap(error))));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
