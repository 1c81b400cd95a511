package ai.mindbot.time.session;

import ai.mindbot.time.ledger.Account;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.InsufficientBalanceException;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.NewEntry;
import ai.mindbot.time.ledger.Reservation;
import ai.mindbot.time.notify.LowBalanceSettings;
import ai.mindbot.time.session.BillingRule.Commit;
import ai.mindbot.time.session.SessionProblems.ConcurrentChange;
import ai.mindbot.time.session.VoiceSession.Status;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reserve, commit, release. Each operation is one transaction that reads the session and the
 * account, then writes conditionally (session first, account second, always in that order); if a
 * concurrent writer got there first the transaction rolls back and is run again on fresh rows.
 */
@Service
public class SessionMeter {

    private static final int ATTEMPTS = 25;

    private final SessionStore store;
    private final Accounts accounts;
    private final Ledger ledger;
    private final SessionSettings settings;
    private final LowBalanceSettings lowBalance;
    private final TransactionTemplate tx;
    private final WriteGate gate;
    private final Clock clock;

    SessionMeter(
            SessionStore store,
            Accounts accounts,
            Ledger ledger,
            SessionSettings settings,
            LowBalanceSettings lowBalance,
            PlatformTransactionManager transactions,
            WriteGate gate,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.ledger = ledger;
        this.settings = settings;
        this.lowBalance = lowBalance;
        this.tx = new TransactionTemplate(transactions);
        this.gate = gate;
        this.clock = clock;
    }

    public record Start(String userId, String startedBy, String roomName, String participantIdentity, String email) {}

    public record Started(VoiceSession session, long balanceSeconds) {}

    /**
     * A heartbeat's answer. {@code sliceSeconds} is the slice now reserved for the session (the API
     * keeps its published name, {@code granted_seconds}); "grant" means an admin's grant only.
     */
    public record Heartbeat(
            long sliceSeconds, long remainingSeconds, boolean lowBalance, boolean finalSlice, Status status) {}

    public record Ended(VoiceSession session, long balanceSeconds) {}

    public Started start(Start start) {
        return retrying(() -> {
            accounts.ensure(start.userId());
            Account account = accounts.get(start.userId());
            if (account.disabled()) {
                throw SessionProblems.accountDisabled();
            }
            long available = account.availableSeconds();
            if (available < settings.minStartSeconds()) {
                throw SessionProblems.notEnoughToStart(available, settings.minStartSeconds());
            }
            long slice = settings.nextSlice(available);
            if (!accounts.moveHold(start.userId(), 0, slice)) {
                throw new ConcurrentChange();
            }
            if (start.email() != null && !start.email().isBlank()) {
                accounts.rememberNotifyEmail(start.userId(), start.email());
            }
            long now = clock.millis();
            VoiceSession session = new VoiceSession(
                    "vs_" + UUID.randomUUID().toString().replace("-", ""),
                    start.userId(),
                    start.roomName(),
                    start.participantIdentity(),
                    Status.ACTIVE,
                    slice,
                    0,
                    start.startedBy(),
                    now,
                    now,
                    expiry(now, slice),
                    null,
                    null,
                    null,
                    now,
                    0);
            store.insert(session);
            return new Started(session, account.balanceSeconds());
        });
    }

    public Heartbeat heartbeat(String sessionId, Requester requester) {
        return retrying(() -> {
            SessionStore.Metered metered = store.findWithAccount(sessionId)
                    .filter(found -> requester.sees(found.session()))
                    .orElseThrow(SessionProblems::notFound);
            VoiceSession session = metered.session();
            if (!session.isActive()) {
                throw SessionProblems.alreadySettled(session);
            }
            long now = clock.millis();
            Commit commit = BillingRule.commit(session.paidUntil(), session.reservedSeconds(), now);
            Account account = metered.account();
            long balanceAfter = account.balanceSeconds() - commit.chargeSeconds();
            long heldByOthers = account.reservedSeconds() - session.reservedSeconds();
            long remaining = Math.max(0, balanceAfter - heldByOthers);
            long slice = account.disabled() ? 0 : settings.nextSlice(remaining);
            if (slice == 0) {
                // Nothing left to hold: a session that kept going without a reservation would talk for free.
                close(
                        session,
                        commit,
                        now,
                        Status.ENDED,
                        account.disabled() ? EndReason.ACCOUNT_DISABLED : EndReason.BALANCE_EXHAUSTED,
                        null,
                        null);
                return new Heartbeat(0, remaining, isLow(balanceAfter), true, Status.ENDED);
            }
            if (!store.recordCommit(
                    session, commit.chargeSeconds(), commit.paidUntil(), slice, now, expiry(now, slice))) {
                throw new ConcurrentChange();
            }
            settleAccount(session, commit.chargeSeconds(), slice, null, null);
            return new Heartbeat(slice, remaining, isLow(balanceAfter), slice < settings.sliceSeconds(), Status.ACTIVE);
        });
    }

    /** Ends the session, billing the exact use. Ending an ended session bills nothing and answers the same. */
    public Ended end(String sessionId, Requester requester, EndReason reason, String actor, String note) {
        return retrying(() -> {
            VoiceSession session = visible(sessionId, requester);
            if (session.isActive()) {
                long now = clock.millis();
                close(
                        session,
                        BillingRule.commit(session.paidUntil(), session.reservedSeconds(), now),
                        now,
                        Status.ENDED,
                        reason,
                        actor,
                        note);
                session = store.find(sessionId).orElseThrow();
            }
            return new Ended(session, accounts.get(session.userId()).balanceSeconds());
        });
    }

    /** Ends the live sessions of a participant in a room (LiveKit said they left); how many it ended. */
    public int endParticipant(String roomName, String identity, String userId, EndReason reason) {
        return endEach(store.activeOfParticipant(roomName, identity, userId), reason);
    }

    /** Ends every live session in the room (LiveKit said it closed); how many it ended. */
    public int endRoom(String roomName, EndReason reason) {
        return endEach(store.activeInRoom(roomName), reason);
    }

    private int endEach(List<String> sessionIds, EndReason reason) {
        int ended = 0;
        for (String id : sessionIds) {
            Ended result = end(id, Requester.INTERNAL, reason, null, null);
            ended += reason.dbValue().equals(result.session().endReason()) ? 1 : 0;
        }
        return ended;
    }

    /** The sweeper's settlement: only if the session is still live and its reservation has lapsed. */
    boolean settleIfLapsed(String sessionId) {
        return retrying(() -> {
            VoiceSession session = store.find(sessionId).orElseThrow();
            long now = clock.millis();
            if (!session.isActive() || session.expiresAt() > now) {
                return false; // ended, or renewed by a heartbeat since it was listed
            }
            close(
                    session,
                    BillingRule.commit(session.paidUntil(), session.reservedSeconds(), now),
                    now,
                    Status.EXPIRED,
                    EndReason.RESERVATION_LAPSED,
                    null,
                    null);
            return true;
        });
    }

    public VoiceSession get(String sessionId, Requester requester) {
        return visible(sessionId, requester);
    }

    public List<VoiceSession> sessionsOf(String userId, int limit, int offset) {
        return store.ofUser(userId, limit, offset);
    }

    public long countOf(String userId) {
        return store.countOf(userId);
    }

    private void close(
            VoiceSession session, Commit commit, long now, Status status, EndReason reason, String actor, String note) {
        if (!store.recordClose(session, status, commit.chargeSeconds(), commit.paidUntil(), now, reason, note)) {
            throw new ConcurrentChange();
        }
        settleAccount(session, commit.chargeSeconds(), 0, actor, note);
    }

    /** Bills the commit and swaps the session's hold for {@code newHold}: one write to the account row. */
    private void settleAccount(VoiceSession session, long charge, long newHold, String actor, String note) {
        long held = session.reservedSeconds();
        if (charge > 0) {
            NewEntry usage = NewEntry.of(
                            session.userId(),
                            EntryKind.SESSION_USAGE,
                            -charge,
                            Cause.sessionCommit(session.id(), session.commitCount() + 1L))
                    .withActor(actor, note);
            try {
                ledger.post(usage, new Reservation(held, newHold));
            } catch (InsufficientBalanceException raced) {
                throw new ConcurrentChange(); // another session of this user reserved since we read the account
            }
        } else if (newHold != held && !accounts.moveHold(session.userId(), held, newHold)) {
            throw new ConcurrentChange();
        }
    }

    private VoiceSession visible(String sessionId, Requester requester) {
        return store.find(sessionId).filter(requester::sees).orElseThrow(SessionProblems::notFound);
    }

    private long expiry(long now, long sliceSeconds) {
        return now + (sliceSeconds + settings.graceSeconds()) * 1000;
    }

    private boolean isLow(long balance) {
        return balance < lowBalance.thresholdSeconds();
    }

    private <T> T retrying(Supplier<T> work) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return gate.through(() -> tx.execute(status -> work.get()));
            } catch (ConcurrentChange lostRace) {
                Thread.onSpinWait();
            }
        }
        throw SessionProblems.busy();
    }
}
