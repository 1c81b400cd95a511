package ai.mindbot.admin.analytics;

import ai.mindbot.admin.db.AdminDatabase;
import ai.mindbot.admin.db.ReportsDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Revenue of closed UTC days, kept in {@code admin_revenue_daily} (PostgreSQL). Purchases are
 * inserted with {@code created_at} = now, so a closed day gains none; what can still change is a
 * purchase of that day succeeding late or being refunded, and the time service stamps
 * {@code purchases.updated_at} on every such change. A refresh recomputes the closed days never
 * computed, and the days of purchases updated since the previous refresh (read through the time
 * service's index on {@code purchases (updated_at)}, published with its report views), with a
 * minute of overlap.
 */
@Component
class RevenueRollup {

    private static final String CHANGES_WATERMARK = "revenue_changes";

    private final ReportsDatabase reports;
    private final AdminDatabase admin;

    RevenueRollup(ReportsDatabase reports, AdminDatabase admin) {
        this.reports = reports;
        this.admin = admin;
    }

    /** Closed days in [fromDay, toDay) that the rollup holds. */
    Set<Long> computedDays(long fromDay, long toDay) {
        return new HashSet<>(admin.jdbc()
                .sql("SELECT day FROM admin_revenue_days WHERE day >= :from AND day < :to")
                .param("from", fromDay)
                .param("to", toDay)
                .query(Long.class)
                .list());
    }

    List<RevenueRow> rows(long fromDay, long toDay) {
        return admin.jdbc()
                .sql("""
                SELECT day, package_id, currency, transactions, gross_cents, refunded_cents, refunded_transactions, seconds
                FROM admin_revenue_daily WHERE day >= :from AND day < :to
                """)
                .param("from", fromDay)
                .param("to", toDay)
                .query(RevenueRow.MAPPER)
                .list();
    }

    void refresh(long now) {
        RollupState.DayRange closed = RollupState.closedDays(now).orElse(null);
        if (closed == null) {
            return;
        }
        Set<Long> stale = new TreeSet<>();
        Set<Long> computed = computedDays(closed.from(), closed.to());
        for (long day = closed.from(); day < closed.to(); day++) {
            if (!computed.contains(day)) {
                stale.add(day);
            }
        }
        Long watermark = RollupState.load(admin, CHANGES_WATERMARK);
        if (watermark != null) {
            stale.addAll(reports.jdbc()
                    .sql("""
                    SELECT DISTINCT created_at / 86400000 FROM time_report_purchases_v1
                    WHERE updated_at >= :since AND created_at >= :from AND created_at < :to
                    """)
                    .param("since", watermark)
                    .param("from", closed.from() * ReportWindow.DAY_MILLIS)
                    .param("to", closed.to() * ReportWindow.DAY_MILLIS)
                    .query(Long.class)
                    .list());
        }
        for (RollupState.DayRange range : RollupState.ranges(stale)) {
            recompute(range.from(), range.to(), now);
        }
        RollupState.save(admin, CHANGES_WATERMARK, now - UsageRollup.OVERLAP_MILLIS);
    }

    /** Purchases are never deleted, so a day's (package, currency) keys only grow: upserts suffice. */
    private void recompute(long fromDay, long toDay, long now) {
        List<Object[]> rows = new ArrayList<>();
        for (RevenueRow r : reports.jdbc()
                .sql(RevenueRow.SELECT_BY_DAY)
                .param("from", fromDay * ReportWindow.DAY_MILLIS)
                .param("to", toDay * ReportWindow.DAY_MILLIS)
                .query(RevenueRow.MAPPER)
                .list()) {
            rows.add(new Object[] {
                r.day(),
                r.packageId(),
                r.currency(),
                r.transactions(),
                r.grossCents(),
                r.refundedCents(),
                r.refundedTransactions(),
                r.seconds()
            });
        }
        admin.template().batchUpdate("""
                INSERT INTO admin_revenue_daily (day, package_id, currency, transactions, gross_cents, refunded_cents,
                    refunded_transactions, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, package_id, currency) DO UPDATE SET transactions = excluded.transactions,
                    gross_cents = excluded.gross_cents, refunded_cents = excluded.refunded_cents,
                    refunded_transactions = excluded.refunded_transactions, seconds = excluded.seconds
                """, rows);
        List<Object[]> days = new ArrayList<>();
        for (long day = fromDay; day < toDay; day++) {
            days.add(new Object[] {day, now});
        }
        admin.template().batchUpdate("""
                INSERT INTO admin_revenue_days (day, computed_at) VALUES (?, ?)
                ON CONFLICT (day) DO UPDATE SET computed_at = excluded.computed_at
                """, days);
    }
}
