package ai.mindbot.admin.analytics;

import ai.mindbot.common.apidocs.Refusal;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/analytics/revenue|usage?days=N}, N from 1 to 365 (default 30). */
@RestController
@RequestMapping("/admin/analytics")
class AnalyticsController {

    private final RevenueAnalytics revenue;
    private final UsageAnalytics usage;
    private final Clock clock;

    AnalyticsController(RevenueAnalytics revenue, UsageAnalytics usage, Clock clock) {
        this.revenue = revenue;
        this.usage = usage;
        this.clock = clock;
    }

    @Refusal(status = 400, code = "invalid_days", when = "days is not a whole number from 1 to 365")
    @GetMapping("/revenue")
    RevenueReport revenue(@RequestParam(required = false) String days) {
        return revenue.report(ReportWindow.lastDays(ReportWindow.parseDays(days), clock));
    }

    @Refusal(status = 400, code = "invalid_days", when = "days is not a whole number from 1 to 365")
    @GetMapping("/usage")
    UsageReport usage(@RequestParam(required = false) String days) {
        return usage.report(ReportWindow.lastDays(ReportWindow.parseDays(days), clock));
    }
}
