package ai.mindbot.auth.reset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, MAIL_FROM: the names time-service reads for its
 * notices. Without a host nothing is mailed. The password is never logged ({@link #toString()}).
 */
@ConfigurationProperties("mindbot.mail")
record MailSettings(String host, int port, String username, String password, String from) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    boolean authenticated() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from + "]";
    }
}
