package ai.mindbot.admin.analytics;

import ai.mindbot.admin.reports.FlaggedAccount;
import ai.mindbot.admin.reports.PurchaseRecord;
import ai.mindbot.admin.reports.SessionRecord;
import ai.mindbot.admin.reports.TimeRecords;
import ai.mindbot.admin.users.UserDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/dashboard}: users, revenue today and over 30 days, live sessions, today's usage, alerts. */
@RestController
class DashboardController {

    static final int RECENT = 10;
    static final int LIVE = 100;
    static final long ALERT_LOOKBACK_MILLIS = 7 * ReportWindow.DAY_MILLIS;

    private final RevenueAnalytics revenue;
    private final UsageAnalytics usage;
    private final TimeRecords records;
    private final UserDirectory users;
    private final Clock clock;

    DashboardController(
            RevenueAnalytics revenue, UsageAnalytics usage, TimeRecords records, UserDirectory users, Clock clock) {
        this.revenue = revenue;
        this.usage = usage;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/admin/dashboard")
    Dashboard dashboard() {
        ReportWindow month = ReportWindow.lastDays(30, clock);
        RevenueReport money = revenue.report(month);
        UsageReport talk = usage.report(month);
        UsageReport.Day today = talk.dailyUsage().get(talk.dailyUsage().size() - 1);
        List<SessionRecord> live = records.liveSessions(month.nowMillis(), LIVE);
        return new Dashboard(
                users.count(),
                money.dailyRevenue().get(money.dailyRevenue().size() - 1).revenueCents(),
                money.totalRevenueCents(),
                money.totalTransactions(),
                money.refundedCents(),
                live.size(),
                talk.activeUsers(),
                today.secondsUsed(),
                today.hoursUsed(),
                live,
                records.recentPurchases(RECENT),
                records.recentSessions(RECENT),
                alerts(month.nowMillis()),
                month.nowMillis());
    }

    private List<Dashboard.Alert> alerts(long now) {
        List<Dashboard.Alert> alerts = new ArrayList<>();
        for (PurchaseRecord p : records.troubledPurchasesSince(now - ALERT_LOOKBACK_MILLIS, 20)) {
            if (p.refundedCents() > 0) {
                alerts.add(new Dashboard.Alert(
                        "refund",
                        "refunded " + p.refundedCents() + " of " + p.amountCents() + " cents (" + p.packageId() + ")",
                        p.userId(),
                        p.id(),
                        p.createdAt()));
            } else {
                alerts.add(new Dashboard.Alert(
                        "failed_payment",
                        "payment failed" + (p.failureCode() == null ? "" : ": " + p.failureCode()) + " ("
                                + p.packageId() + ")",
                        p.userId(),
                        p.id(),
                        p.createdAt()));
            }
        }
        for (FlaggedAccount flagged : records.flaggedAccounts(20)) {
            alerts.add(new Dashboard.Alert(
                    "dispute",
                    "account flagged" + (flagged.reason() == null ? "" : ": " + flagged.reason()),
                    flagged.userId(),
                    null,
                    null));
        }
        return alerts;
    }
}
