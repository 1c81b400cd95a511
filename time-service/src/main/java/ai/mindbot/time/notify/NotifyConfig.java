package ai.mindbot.time.notify;

import ai.mindbot.time.jobs.RecurringJob;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Picks the delivery channel (SMTP when SMTP_HOST is set, the log otherwise) and schedules delivery. */
@Configuration
@EnableConfigurationProperties({LowBalanceSettings.class, MailSettings.class})
class NotifyConfig {

    private static final Logger log = LoggerFactory.getLogger(NotifyConfig.class);

    @Bean
    RecurringJob outboxDeliveryJob(OutboxDelivery delivery, @Value("${mindbot.notify.poll-millis}") long pollMillis) {
        return new RecurringJob("outbox-delivery", Duration.ofMillis(pollMillis), delivery::deliverDue);
    }

    @Bean
    NotificationChannel notificationChannel(MailSettings mail) {
        if (!mail.enabled()) {
            log.info("notifications: no SMTP_HOST configured, low-balance notices go to the log");
            return new LogChannel();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        if (mail.username() != null && !mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        Properties props = sender.getJavaMailProperties();
        props.put(
                "mail.smtp.auth",
                String.valueOf(mail.username() != null && !mail.username().isBlank()));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        log.info("notifications: email through {}:{} from {}", mail.host(), mail.port(), mail.from());
        return new EmailChannel(sender, mail.from());
    }
}
