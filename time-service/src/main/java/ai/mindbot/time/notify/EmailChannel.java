package ai.mindbot.time.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends notices by SMTP. A user whose address is unknown gets the notice in the log instead. */
class EmailChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final JavaMailSender sender;
    private final String from;
    private final LogChannel fallback = new LogChannel();

    EmailChannel(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(Notification n) {
        if (n.email() == null) {
            log.info("no email address known for user {}; logging the notice instead", n.userId());
            fallback.send(n);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(n.email());
        message.setSubject("Your MindBot time is running low");
        message.setText(NotificationChannel.lowBalanceText(n));
        sender.send(message);
    }

    @Override
    public String name() {
        return "email";
    }
}
