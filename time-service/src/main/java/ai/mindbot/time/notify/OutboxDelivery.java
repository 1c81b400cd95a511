package ai.mindbot.time.notify;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox rows through the configured channel, off the request path: a recurring job
 * (NOTIFY_POLL_MILLIS), so one instance delivers at a time. A failed send is retried with
 * exponential backoff (10 s doubling, at most an hour apart); a delivered row is never sent again.
 * Each row is claimed with a lease before it is sent, so a call by hand beside the job, or an
 * instance taking over from one that died mid-round, does not send it again while the lease holds.
 * Between a successful send and marking the row, a crash could repeat that one email:
 * at-least-once, which for a reminder is the right side to err on.
 */
@Component
public class OutboxDelivery {

    static final long LEASE_MILLIS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final NotificationOutbox outbox;
    private final NotificationChannel channel;
    private final Clock clock;

    OutboxDelivery(NotificationOutbox outbox, NotificationChannel channel, Clock clock) {
        this.outbox = outbox;
        this.channel = channel;
        this.clock = clock;
    }

    /** Sends what is due; how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (Notification n : outbox.due(clock.millis(), 50)) {
            long now = clock.millis();
            if (!outbox.claim(n, now, now + LEASE_MILLIS)) {
                continue; // another instance is sending it
            }
            try {
                channel.send(n);
                outbox.delivered(n.id(), clock.millis());
                delivered++;
            } catch (Exception e) {
                long retryAt = clock.millis() + backoffMillis(n.attempts() + 1);
                log.warn(
                        "could not send {} notification {} by {} (attempt {}): {}; next try in {} s",
                        n.kind(),
                        n.id(),
                        channel.name(),
                        n.attempts() + 1,
                        e.toString(),
                        (retryAt - clock.millis()) / 1000);
                outbox.retryAt(n.id(), retryAt);
            }
        }
        return delivered;
    }

    /** 10 s after the first failure, doubling, never more than an hour. */
    static long backoffMillis(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        return Math.min(10_000L << doublings, 3_600_000L);
    }
}
