package ai.mindbot.time.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts entries. The account row is updated first (which locks it for the rest of the
 * transaction), then the entry is inserted under its unique cause; a repeat cause rolls the whole
 * transaction back with {@link DuplicateCauseException}. Joins the caller's transaction if there is one.
 */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final ObjectProvider<BalanceListener> listeners;
    /**
     * The listeners, looked up once at the first post: resolving them through the bean factory on
     * every post (candidate search, generics matching, ordering) was a fifth of a heartbeat's Java
     * time in the profile. Looked up lazily, not in the constructor, because a listener may itself
     * depend on the ledger; every listener is a singleton, so the list never changes afterwards.
     */
    private volatile List<BalanceListener> resolvedListeners;

    Ledger(JdbcClient jdbc, Accounts accounts, Clock clock, ObjectProvider<BalanceListener> listeners) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Transactional
    public LedgerEntry post(NewEntry entry) {
        return post(entry, Reservation.NONE);
    }

    /**
     * Posts the entry and moves the account's session reservation in the same row write (one
     * balance-row write per session commit). Refused with {@link InsufficientBalanceException}
     * when the floor would be broken or what is left does not cover {@code reservation.reserve()}.
     */
    @Transactional
    public LedgerEntry post(NewEntry entry, Reservation reservation) {
        long now = clock.millis();
        Long balanceAfter = accounts.moveBalance(entry, reservation, now);
        if (balanceAfter == null) {
            // No row moved: the account may not exist yet (first contact, or a concurrent first post
            // not yet committed when we looked). Create it if missing, then try once more; only a
            // second refusal means the balance really does not cover it. Creating accounts here
            // rather than before every post saves a statement on every ordinary post (a heartbeat).
            accounts.ensure(entry.userId());
            balanceAfter = accounts.moveBalance(entry, reservation, now);
        }
        if (balanceAfter == null) {
            throw new InsufficientBalanceException(
                    reservation.reserve() > 0
                            ? "the balance does not cover the next " + reservation.reserve() + " seconds"
                            : "the balance does not cover " + (-entry.seconds()) + " seconds");
        }
        List<Long> inserted = insert(entry, balanceAfter, now);
        if (inserted.isEmpty()) {
            throw new DuplicateCauseException(entry.kind(), entry.cause());
        }
        BalanceListener.BalanceMove move = new BalanceListener.BalanceMove(
                entry.userId(), entry.seconds(), balanceAfter - entry.seconds(), balanceAfter);
        for (BalanceListener listener : listeners()) {
            listener.balanceMoved(move);
        }
        return new LedgerEntry(
                inserted.get(0),
                entry.userId(),
                entry.kind(),
                entry.seconds(),
                entry.cause().type(),
                entry.cause().id(),
                entry.correctsEntryId(),
                balanceAfter,
                entry.actor(),
                entry.note(),
                now);
    }

    private List<BalanceListener> listeners() {
        List<BalanceListener> resolved = resolvedListeners;
        if (resolved == null) {
            resolved = listeners.orderedStream().toList();
            resolvedListeners = resolved;
        }
        return resolved;
    }

    private List<Long> insert(NewEntry entry, long balanceAfter, long now) {
        return jdbc.sql("""
                INSERT INTO ledger_entries (user_id, kind, seconds, cause_type, cause_id, corrects_entry_id,
                                            balance_after, actor, note, created_at)
                VALUES (:user, :kind, :seconds, :causeType, :causeId, :corrects, :balanceAfter, :actor, :note, :now)
                ON CONFLICT (kind, cause_type, cause_id) DO NOTHING
                RETURNING id""")
                .param("user", entry.userId())
                .param("kind", entry.kind().dbValue())
                .param("seconds", entry.seconds())
                .param("causeType", entry.cause().type())
                .param("causeId", entry.cause().id())
                .param("corrects", entry.correctsEntryId(), Types.BIGINT)
                .param("balanceAfter", balanceAfter)
                .param("actor", entry.actor(), Types.VARCHAR)
                .param("note", entry.note(), Types.VARCHAR)
                .param("now", now)
                .query(Long.class)
                .list();
    }

    /** The entry posted for {@code cause}, of whichever kind; how a replayed request finds what it posted. */
    public Optional<LedgerEntry> postedFor(Cause cause) {
        return jdbc.sql("""
                SELECT id, user_id, kind, seconds, cause_type, cause_id, corrects_entry_id, balance_after, actor, note, created_at
                FROM ledger_entries WHERE cause_type = :type AND cause_id = :id""")
                .param("type", cause.type())
                .param("id", cause.id())
                .query(Ledger::map)
                .optional();
    }

    /** The id of the entry of {@code kind} posted for {@code cause}, if there is one: what a correction links to. */
    public Optional<Long> entryId(EntryKind kind, Cause cause) {
        return jdbc.sql("""
                SELECT id FROM ledger_entries WHERE kind = :kind AND cause_type = :type AND cause_id = :id""")
                .param("kind", kind.dbValue())
                .param("type", cause.type())
                .param("id", cause.id())
                .query(Long.class)
                .optional();
    }

    public List<LedgerEntry> entriesOf(String userId, int limit, int offset) {
        return jdbc.sql("""
                SELECT id, user_id, kind, seconds, cause_type, cause_id, corrects_entry_id, balance_after, actor, note, created_at
                FROM ledger_entries WHERE user_id = :user ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Ledger::map)
                .list();
    }

    private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(
                rs.getLong(1),
                rs.getString(2),
                EntryKind.fromDb(rs.getString(3)),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7) == null ? null : rs.getLong(7),
                rs.getLong(8),
                rs.getString(9),
                rs.getString(10),
                rs.getLong(11));
    }

    public long countOf(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }
}
