package ai.mindbot.time.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without SMTP: the notice is written to the log, where an operator can see it was due. */
class LogChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

    @Override
    public void send(Notification n) {
        log.info(
                "notification {} for user {} (no SMTP configured, logged instead of emailed): {}",
                n.kind(),
                n.userId(),
                NotificationChannel.lowBalanceText(n));
    }

    @Override
    public String name() {
        return "log";
    }
}
