package ai.mindbot.time.ledger;

import java.time.Clock;
import java.util.List;

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

    Ledger(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public LedgerEntry post(NewEntry entry) {
        accounts.ensure(entry.userId());
        long now = clock.millis();
        Long balanceAfter = jdbc.sql("""
                UPDATE accounts SET balance_seconds = balance_seconds + :seconds, updated_at = :now
                WHERE user_id = :user AND (CAST(:floor AS BIGINT) IS NULL OR balance_seconds + :seconds >= CAST(:floor AS BIGINT))
                RETURNING balance_seconds""")
                .param("seconds", entry.seconds()).param("now", now).param("user", entry.userId())
                .param("floor", entry.floorAfter(), java.sql.Types.BIGINT)
                .query(Long.class).optional().orElse(null);
        if (balanceAfter == null) {
            throw new InsufficientBalanceException("the balance does not cover " + (-entry.seconds()) + " seconds");
        }
        List<Long> inserted = jdbc.sql("""
                INSERT INTO ledger_entries (user_id, kind, seconds, cause_type, cause_id, corrects_entry_id,
                                            balance_after, actor, note, created_at)
                VALUES (:user, :kind, :seconds, :causeType, :causeId, :corrects, :balanceAfter, :actor, :note, :now)
                ON CONFLICT (kind, cause_type, cause_id) DO NOTHING
                RETURNING id""")
                .param("user", entry.userId()).param("kind", entry.kind().dbValue())
                .param("seconds", entry.seconds()).param("causeType", entry.cause().type())
                .param("causeId", entry.cause().id())
                .param("corrects", entry.correctsEntryId(), java.sql.Types.BIGINT)
                .param("balanceAfter", balanceAfter).param("actor", entry.actor(), java.sql.Types.VARCHAR)
                .param("note", entry.note(), java.sql.Types.VARCHAR).param("now", now)
                .query(Long.class).list();
        if (inserted.isEmpty()) {
            throw new DuplicateCauseException(entry.kind(), entry.cause());
        }
        return new LedgerEntry(inserted.get(0), entry.userId(), entry.kind(), entry.seconds(), entry.cause().type(),
                entry.cause().id(), entry.correctsEntryId(), balanceAfter, entry.actor(), entry.note(), now);
    }

    public List<LedgerEntry> entriesOf(String userId, int limit, int offset) {
        return jdbc.sql("""
                SELECT id, user_id, kind, seconds, cause_type, cause_id, corrects_entry_id, balance_after, actor, note, created_at
                FROM ledger_entries WHERE user_id = :user ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("user", userId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2), EntryKind.fromDb(rs.getString(3)),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getObject(7) == null ? null : rs.getLong(7),
                        rs.getLong(8), rs.getString(9), rs.getString(10), rs.getLong(11)))
                .list();
    }

    public long countOf(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }
}
