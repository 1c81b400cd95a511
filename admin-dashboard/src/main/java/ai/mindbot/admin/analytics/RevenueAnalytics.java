package ai.mindbot.admin.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import ai.mindbot.admin.db.ReportsDatabase;

/**
 * Revenue straight from {@code purchases}: a paid purchase is one with {@code succeeded_at} set
 * (whatever status a later refund gave it), counted on the UTC day it was made
 * ({@code created_at}, so the range read follows the {@code purchases_time} index), and net of its
 * {@code refunded_cents}. One grouped query per report; refunds show as soon as the time service
 * records them.
 */
@Service
public class RevenueAnalytics {

    private final ReportsDatabase db;

    RevenueAnalytics(ReportsDatabase db) {
        this.db = db;
    }

    private record Row(long day, String packageId, String currency, long transactions, long gross, long refunded,
            long refundedTransactions, long seconds) {
    }

    public RevenueReport report(ReportWindow window) {
        List<Row> rows = db.jdbc().sql("""
                SELECT created_at / 86400000 AS day, package_id, currency,
                       COUNT(*) AS transactions,
                       SUM(amount_cents) AS gross,
                       SUM(refunded_cents) AS refunded,
                       SUM(CASE WHEN refunded_cents > 0 THEN 1 ELSE 0 END) AS refunded_transactions,
                       SUM(seconds) AS seconds
                FROM purchases
                WHERE created_at >= :start AND succeeded_at IS NOT NULL
                GROUP BY created_at / 86400000, package_id, currency
                """)
                .param("start", window.startMillis())
                .query((rs, n) -> new Row(rs.getLong("day"), rs.getString("package_id"), rs.getString("currency"),
                        rs.getLong("transactions"), rs.getLong("gross"), rs.getLong("refunded"),
                        rs.getLong("refunded_transactions"), rs.getLong("seconds")))
                .list();

        Map<Long, long[]> byDay = new TreeMap<>(); // gross, refunded, transactions
        Map<String, long[]> byPackage = new TreeMap<>(); // transactions, gross, refunded, seconds
        Map<String, Long> currencies = new LinkedHashMap<>();
        long gross = 0, refunded = 0, transactions = 0, refundedTransactions = 0;
        for (Row r : rows) {
            long[] d = byDay.computeIfAbsent(r.day(), k -> new long[3]);
            d[0] += r.gross();
            d[1] += r.refunded();
            d[2] += r.transactions();
            long[] p = byPackage.computeIfAbsent(r.packageId(), k -> new long[4]);
            p[0] += r.transactions();
            p[1] += r.gross();
            p[2] += r.refunded();
            p[3] += r.seconds();
            currencies.merge(r.currency(), r.gross(), Long::sum);
            gross += r.gross();
            refunded += r.refunded();
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
