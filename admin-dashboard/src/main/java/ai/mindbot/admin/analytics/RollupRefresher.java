package ai.mindbot.admin.analytics;

import ai.mindbot.admin.db.ReportsDatabase;
import ai.mindbot.common.db.SqlDialect;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the rollups are brought up to date: on the report request that needs it, at most once per
 * {@code mindbot.admin.rollup-interval} (default 2 s), so figures are never older than that.
 * Requests that arrive during a refresh wait for it rather than each scanning the sources. The
 * revenue rollup is used on PostgreSQL only (see {@link RevenueRollup}).
 */
@Component
class RollupRefresher {

    private final UsageRollup usage;
    private final RevenueRollup revenue;
    private final boolean revenueRollup;
    private final Clock clock;
    private final long intervalMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastRefreshAt;

    RollupRefresher(
            UsageRollup usage,
            RevenueRollup revenue,
            ReportsDatabase reports,
            Clock clock,
            @Value("${mindbot.admin.rollup-interval:2s}") Duration interval) {
        this.usage = usage;
        this.revenue = revenue;
        this.revenueRollup = reports.dialect() == SqlDialect.POSTGRESQL;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    boolean revenueRollup() {
        return revenueRollup;
    }

    void refreshIfStale() {
        if (clock.millis() - lastRefreshAt < intervalMillis) {
            return;
        }
        lock.lock();
        try {
            long now = clock.millis();
            if (now - lastRefreshAt < intervalMillis) {
                return;
            }
            usage.refresh(now);
            if (revenueRollup) {
                revenue.refresh(now);
            }
            lastRefreshAt = now;
        } finally {
            lock.unlock();
        }
    }
}
