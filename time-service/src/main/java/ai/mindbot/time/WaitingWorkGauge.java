package ai.mindbot.time;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A gauge on /metrics of how long the oldest piece of waiting work has waited, in seconds, 0 when
 * nothing waits. Each feature that leaves work for later (a purchase awaiting Stripe, a notice in the
 * outbox, a lapsed session) names its query; an age, unlike a count, says "stuck" without a
 * threshold baked into the code, so the alert rules (deploy/prometheus/alerts.yml) choose it.
 * Read at scrape time from the database, so every instance reports the same shared backlog.
 */
public class WaitingWorkGauge implements MeterBinder {

    private final String name;
    private final String description;
    private final String oldestMillisSql;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** @param oldestMillisSql selects the oldest epoch-millisecond time (MIN, NULL when none); may use :now */
    protected WaitingWorkGauge(String name, String description, String oldestMillisSql, JdbcClient jdbc, Clock clock) {
        this.name = name;
        this.description = description;
        this.oldestMillisSql = oldestMillisSql;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(name, this, WaitingWorkGauge::oldestSeconds)
                .baseUnit("seconds")
                .description(description)
                .register(registry);
    }

    protected JdbcClient jdbc() {
        return jdbc;
    }

    private double oldestSeconds() {
        long now = clock.millis();
        long oldest = jdbc.sql(oldestMillisSql)
                .param("now", now)
                .query((rs, n) -> {
                    long millis = rs.getLong(1);
                    return rs.wasNull() ? now : millis;
                })
                .single();
        return Math.max(0, now - oldest) / 1000.0;
    }
}
