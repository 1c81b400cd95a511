package ai.mindbot.auth.reset;

import ai.mindbot.common.config.RuntimeMode;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How reset links reach people: SMTP when {@code SMTP_HOST} is set; otherwise the log in development
 * (so a developer can click it), and nowhere in production, where a log full of working reset links
 * would be a log full of account keys.
 */
@Configuration
class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    @Bean
    ResetMail resetMail(MailSettings mail, ResetSettings reset, Environment environment) {
        long minutes = reset.tokenTtl().toMinutes();
        if (!mail.enabled()) {
            if (RuntimeMode.of(environment).isProduction()) {
                log.warn("password reset: no SMTP_HOST configured; reset links cannot be delivered");
                return (email, link) ->
                        log.warn("password reset requested but no SMTP is configured; no link was sent");
            }
            log.warn("DEVELOPMENT MODE: no SMTP_HOST configured, password reset links are written to this log");
            return (email, link) -> log.info("DEVELOPMENT MODE password reset link (no SMTP configured): {}", link);
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        if (mail.authenticated()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(mail.authenticated()));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        log.info("password reset: links mailed through {}:{} from {}", mail.host(), mail.port(), mail.from());
        return (email, link) -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(mail.from());
            message.setTo(email);
            message.setSubject("Reset your MindBot password");
            message.setText(ResetMail.text(link, minutes));
            sender.send(message);
        };
    }
}
