package ai.mindbot.admin.reports;

import ai.mindbot.admin.db.ReportsDatabase;
import ai.mindbot.admin.users.Truthy;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * Reads of the views the time service publishes for reporting ({@code time_report_*_v1}). Every
 * list is newest first and bounded.
 */
@Repository
public class TimeRecords {

    /** Sessions older than this that never ended are the sweeper's business, not "live now". */
    static final long LIVE_LOOKBACK_MILLIS = 7 * 86_400_000L;

    private final ReportsDatabase db;

    TimeRecords(ReportsDatabase db) {
        this.db = db;
    }

    public List<PurchaseRecord> recentPurchases(int limit) {
        return db.jdbc()
                .sql("SELECT " + PurchaseRecord.COLUMNS
                        + " FROM time_report_purchases_v1 ORDER BY created_at DESC LIMIT :limit")
                .param("limit", limit)
                .query(PurchaseRecord.MAPPER)
                .list();
    }

    public List<PurchaseRecord> purchasesOf(String userId, int limit) {
        return db.jdbc()
                .sql("SELECT " + PurchaseRecord.COLUMNS
                        + " FROM time_report_purchases_v1 WHERE user_id = :user ORDER BY created_at DESC LIMIT :limit")
                .param("user", userId)
                .param("limit", limit)
                .query(PurchaseRecord.MAPPER)
                .list();
    }

    public Optional<PurchaseRecord> purchase(String id) {
        return db.jdbc()
                .sql("SELECT " + PurchaseRecord.COLUMNS + " FROM time_report_purchases_v1 WHERE id = :id")
                .param("id", id)
                .query(PurchaseRecord.MAPPER)
                .optional();
    }

    /** Failed payments and refunded purchases made since {@code sinceMillis}: the dashboard's alerts. */
    public List<PurchaseRecord> troubledPurchasesSince(long sinceMillis, int limit) {
        return db.jdbc()
                .sql("SELECT " + PurchaseRecord.COLUMNS + "\n" + """
                 FROM time_report_purchases_v1 WHERE created_at >= :since AND (status = 'failed' OR refunded_cents > 0)
                 ORDER BY created_at DESC LIMIT :limit""")
                .param("since", sinceMillis)
                .param("limit", limit)
                .query(PurchaseRecord.MAPPER)
                .list();
    }

    public List<SessionRecord> recentSessions(int limit) {
        return db.jdbc()
                .sql("SELECT " + SessionRecord.COLUMNS
                        + " FROM time_report_sessions_v1 ORDER BY started_at DESC LIMIT :limit")
                .param("limit", limit)
                .query(SessionRecord.MAPPER)
                .list();
    }

    public List<SessionRecord> liveSessions(long nowMillis, int limit) {
        return db.jdbc()
                .sql("SELECT " + SessionRecord.COLUMNS + "\n" + """
                 FROM time_report_sessions_v1 WHERE started_at >= :since AND ended_at IS NULL
                 ORDER BY started_at DESC LIMIT :limit""")
                .param("since", nowMillis - LIVE_LOOKBACK_MILLIS)
                .param("limit", limit)
                .query(SessionRecord.MAPPER)
                .list();
    }

    public List<SessionRecord> sessionsOf(String userId, int limit) {
        return db.jdbc()
                .sql("SELECT " + SessionRecord.COLUMNS
                        + " FROM time_report_sessions_v1 WHERE user_id = :user ORDER BY started_at DESC LIMIT :limit")
                .param("user", userId)
                .param("limit", limit)
                .query(SessionRecord.MAPPER)
                .list();
    }

    public Optional<SessionRecord> session(String id) {
        return db.jdbc()
                .sql("SELECT " + SessionRecord.COLUMNS + " FROM time_report_sessions_v1 WHERE id = :id")
                .param("id", id)
                .query(SessionRecord.MAPPER)
                .optional();
    }

    public List<LedgerRecord> ledgerOf(String userId, int limit) {
        return db.jdbc()
                .sql("""
                SELECT id, kind, seconds, cause_type, cause_id, corrects_entry_id, balance_after, actor, note, created_at
                FROM time_report_ledger_v1 WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT :limit
                """)
                .param("user", userId)
                .param("limit", limit)
                .query(LedgerRecord.MAPPER)
                .list();
    }

    public AccountRecord account(String userId) {
        return db.jdbc()
                .sql("""
                SELECT balance_seconds, reserved_seconds, disabled, flagged, flag_reason FROM time_report_accounts_v1
                WHERE user_id = :user
                """)
                .param("user", userId)
                .query((rs, n) -> new AccountRecord(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(1) - rs.getLong(2),
                        Truthy.of(rs.getObject(3)),
                        Truthy.of(rs.getObject(4)),
                        rs.getString(5)))
                .optional()
                .orElse(AccountRecord.NONE);
    }

    /** Accounts the time service flagged (disputes): the dashboard's alerts. */
    public List<FlaggedAccount> flaggedAccounts(int limit) {
        return db.jdbc()
                .sql("""
                SELECT user_id, flag_reason FROM time_report_accounts_v1 WHERE flagged ORDER BY updated_at DESC LIMIT :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new FlaggedAccount(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Paid purchases net of refunds, over a user's whole history. */
    public long totalSpentCents(String userId) {
        return db.jdbc().sql("""
                SELECT COALESCE(SUM(amount_cents - refunded_cents), 0) FROM time_report_purchases_v1
                WHERE user_id = :user AND succeeded_at IS NOT NULL
                """).param("user", userId).query(Long.class).single();
    }
}
