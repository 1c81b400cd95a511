package ai.mindbot.admin.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import ai.mindbot.admin.db.ReportsDatabase;

/**
 * Revenue from {@code purchases}: a paid purchase is one with {@code succeeded_at} set (whatever
 * status a later refund gave it), counted on the UTC day it was made ({@code created_at}), net of
 * its {@code refunded_cents}. On PostgreSQL closed days come from {@link RevenueRollup}; today (and,
 * on SQLite, every day) is one grouped query over the {@code purchases_time} index.
 */
@Service
public class RevenueAnalytics {

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
        rows.addAll(db.jdbc().sql(RevenueRow.SELECT_BY_DAY)
                .param("from", liveFrom * ReportWindow.DAY_MILLIS)
                .param("to", (window.today() + 1) * ReportWindow.DAY_MILLIS)
                .query(RevenueRow.MAPPER).list());
        return rows;
    }

    public RevenueReport report(ReportWindow window) {
        List<RevenueRow> rows = rows(window);

        Map<Long, long[]> byDay = new TreeMap<>(); // gross, refunded, transactions
        Map<String, long[]> byPackage = new TreeMap<>(); // transactions, gross, refunded, seconds
        Map<String, Long> currencies = new LinkedHashMap<>();
        long gross = 0, refunded = 0, transactions = 0, refundedTransactions = 0;
        for (RevenueRow r : rows) {
            long[] d = byDay.computeIfAbsent(r.day(), k -> new long[3]);
            d[0] += r.grossCents();
            d[1] += r.refundedCents();
            d[2] += r.transactions();
            long[] p = byPackage.computeIfAbsent(r.packageId(), k -> new long[4]);
            p[0] += r.transactions();
            p[1] += r.grossCents();
            p[2] += r.refundedCents();
            p[3] += r.seconds();
            currencies.merge(r.currency(), r.grossCents(), Long::sum);
            gross += r.grossCents();
            refunded += r.refundedCents();
            transactions += r.transactions();
            refundedTransactions += r.refundedTransactions();
        }

        List<RevenueReport.Day> daily = new ArrayList<>();
        for (long day = window.firstDay(); day <= window.today(); day++) {
            long[] d = byDay.getOrDefault(day, new long[3]);
            daily.add(new RevenueReport.Day(ReportWindow.date(day), d[0] - d[1], d[0], d[1], d[2]));
        }
        List<RevenueReport.PackageStat> packages = new ArrayList<>();
        byPackage.forEach((id, p) -> packages.add(new RevenueReport.PackageStat(id, p[0], p[1] - p[2], p[1], p[2], p[3])));
        packages.sort((a, b) -> Long.compare(b.revenueCents(), a.revenueCents()));

        long net = gross - refunded;
        String currency = currencies.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("usd");
        return new RevenueReport(window.days(), currency, net, gross, refunded, refundedTransactions, transactions,
                transactions == 0 ? 0 : net / transactions, daily, packages);
    }
}
