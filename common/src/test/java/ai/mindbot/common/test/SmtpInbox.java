package ai.mindbot.common.test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free loopback port, for the services that send mail. It can be
 * stopped and started again on the same port, so a test can play "the mail server is down" while the
 * service under test keeps the address it was configured with.
 */
public final class SmtpInbox implements AutoCloseable {

    private final int port;
    private GreenMail server;

    private SmtpInbox(GreenMail server) {
        this.server = server;
        this.port = server.getSmtp().getPort();
    }

    public static SmtpInbox start() {
        return new SmtpInbox(started(0));
    }

    /** {@code settings} plus the SMTP_HOST, SMTP_PORT and MAIL_FROM that send to this inbox. */
    public Map<String, String> plus(String mailFrom, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(port), "MAIL_FROM", mailFrom));
        return all;
    }

    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    public MimeMessage[] receivedForDomain(String domain) {
        return server.getReceivedMessagesForDomain(domain);
    }

    /** The first {@code count} mails to {@code email}, waiting up to 10 s: a service may send after it answered. */
    public List<MimeMessage> awaitMailsTo(String email, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mine = Arrays.stream(received())
                    .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(email))
                    .toList();
            if (mine.size() >= count) {
                return mine;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("expected " + count + " mail(s) to " + email);
    }

    public void empty() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("could not empty the SMTP inbox", e);
        }
    }

    /** Stops the server until {@link #restart()}: sending fails as it does when the real one is down. */
    public void stop() {
        server.stop();
    }

    /** Back on the same port, with an empty inbox. */
    public void restart() {
        server = started(port);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static GreenMail started(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static Address[] recipients(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
