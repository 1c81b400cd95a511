package ai.mindbot.admin.analytics;

import ai.mindbot.admin.db.ReportsDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Revenue from the time service's purchases ({@code time_report_purchases_v1}): a paid purchase
 * is one with {@code succeeded_at} set (whatever status a later refund gave it), counted on the UTC
 * day it was made ({@code created_at}), net of its {@code refunded_cents}. On PostgreSQL closed days come from {@link RevenueRollup}; today (and,
 * on SQLite, every day) is one grouped query over the {@code purchases_time} index.
 */
@Service
class RevenueAnalytics {

    private final ReportsDatabase db;
    private final RevenueRollup rollup;
    private final RollupRefresher refresher;

    RevenueAnalytics(ReportsDatabase db, RevenueRollup rollup, RollupRefresher refresher) {
        this.db = db;
        this.rollup = rollup;
        this.refresher = refresher;
    }

    /** Closed days from the rollup where it has them (PostgreSQL); every other day read live. */
    private List<RevenueRow> rows(ReportWindow window) {
        long liveFrom = window.firstDay();
        List<RevenueRow> rows = new ArrayList<>();
        if (refresher.revenueRollup()) {
            refresher.refreshIfStale();
            Set<Long> computed = rollup.computedDays(window.firstDay(), window.today());
            while (liveFrom < window.today() && computed.contains(liveFrom)) {
                liveFrom++;
            }
            rows.addAll(rollup.rows(window.firstDay(), liveFrom));
        }
        rows.addAll(db.jdbc()
                .sql(RevenueRow.SELECT_BY_DAY)
                .param("from", liveFrom * ReportWindow.DAY_MILLIS)
                .param("to", (window.today() + 1) * ReportWindow.DAY_MILLIS)
                .query(RevenueRow.MAPPER)
                .list());
        return rows;
    }

    public RevenueReport report(ReportWindow window) {
        List<RevenueRow> rows = rows(window);

        Map<Long, RevenueTotals> byDay = new TreeMap<>();
        Map<String, RevenueTotals> byPackage = new TreeMap<>();
        Map<String, Long> currencies = new LinkedHashMap<>();
        RevenueTotals total = RevenueTotals.NONE;
        for (RevenueRow r : rows) {
            RevenueTotals row = RevenueTotals.of(r);
            byDay.merge(r.day(), row, RevenueTotals::plus);
            byPackage.merge(r.packageId(), row, RevenueTotals::plus);
            currencies.merge(r.currency(), r.grossCents(), Long::sum);
            total = total.plus(row);
        }

        List<RevenueReport.Day> daily = new ArrayList<>();
        for (long day = window.firstDay(); day <= window.today(); day++) {
            RevenueTotals d = byDay.getOrDefault(day, RevenueTotals.NONE);
            daily.add(new RevenueReport.Day(
                    ReportWindow.date(day), d.netCents(), d.grossCents(), d.refundedCents(), d.transactions()));
        }
        List<RevenueReport.PackageStat> packages = new ArrayList<>();
        byPackage.forEach((id, p) -> packages.add(new RevenueReport.PackageStat(
                id, p.transactions(), p.netCents(), p.grossCents(), p.refundedCents(), p.seconds())));
        packages.sort((a, b) -> Long.compare(b.revenueCents(), a.revenueCents()));

        long net = total.netCents();
        long transactions = total.transactions();
        String currency = currencies.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("usd");
        return new RevenueReport(
                window.days(),
                currency,
                net,
                total.grossCents(),
                total.refundedCents(),
                total.refundedTransactions(),
                transactions,
                transactions == 0 ? 0 : net / transactions,
                daily,
                packages);
    }
}
