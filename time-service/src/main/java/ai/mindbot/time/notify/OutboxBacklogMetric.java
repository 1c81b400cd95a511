package ai.mindbot.time.notify;

import ai.mindbot.time.WaitingWorkGauge;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog: {@code mindbot_notify_outbox_pending} (notices not yet delivered) and
 * {@code mindbot_notify_outbox_oldest_pending_seconds}. Delivery polls every few seconds, so a notice
 * that ages for many minutes means mail is failing (retries back off up to an hour) or no instance
 * is delivering.
 */
@Component
class OutboxBacklogMetric extends WaitingWorkGauge {

    OutboxBacklogMetric(JdbcClient jdbc, Clock clock) {
        super(
                "mindbot.notify.outbox.oldest.pending",
                "Age of the oldest notification not yet delivered",
                "SELECT MIN(created_at) FROM notification_outbox WHERE delivered_at IS NULL",
                jdbc,
                clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        super.bindTo(registry);
        Gauge.builder("mindbot.notify.outbox.pending", this, OutboxBacklogMetric::pending)
                .description("Notifications not yet delivered")
                .register(registry);
    }

    private double pending() {
        return jdbc().sql("SELECT COUNT(*) FROM notification_outbox WHERE delivered_at IS NULL")
                .query(Long.class)
                .single();
    }
}
