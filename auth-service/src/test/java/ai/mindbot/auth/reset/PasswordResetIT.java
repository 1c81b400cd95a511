package ai.mindbot.auth.reset;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AuthServer;
import ai.mindbot.auth.token.OpaqueTokens;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.SmtpInbox;
import ai.mindbot.common.test.TestDatabase;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Password reset end to end on each database: the link arrives by real SMTP (GreenMail), works once,
 * sets the new password and ends every session; unknown emails get the same answer and no mail;
 * expired links fail; floods are limited without revealing anything. Each test uses its own client
 * address (X-Forwarded-For, trusted here) so the per-address limit of one does not touch another.
 */
class PasswordResetIT extends OnBothDatabases {

    static final Pattern LINK = Pattern.compile("https://app\\.mindbot\\.test/#/reset/([A-Za-z0-9_-]{43})");
    static final String NEW_PASSWORD = "a brand new passphrase";

    static SmtpInbox smtp;
    static AuthServer server;
    static int addresses;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        smtp = SmtpInbox.start();
        server = AuthServer.start(
                database,
                smtp.plus(
                        "MindBot <auth@mindbot.test>",
                        Map.of(
                                "APP_URL",
                                "https://app.mindbot.test/",
                                "TRUST_PROXY",
                                "true",
                                "AUTH_RATE_RESET_PER_ADDRESS",
                                "4",
                                "AUTH_RATE_RESET_PER_ACCOUNT",
                                "2")));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
        smtp.close();
    }

    @BeforeEach
    void emptyMailbox() {
        smtp.empty();
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() {
        String email = AuthServer.newEmail();
        JsonNode phone = server.register(email);
        JsonNode laptop = server.login(email);

        Http.Response asked = requestReset(email, newAddress());
        assertThat(asked.status()).isEqualTo(202);
        String token = tokenFrom(mailsTo(email, 1).get(0));

        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(204);

        assertThat(refresh(phone).status()).isEqualTo(401);
        assertThat(refresh(laptop).status()).isEqualTo(401);
        assertThat(login(email, AuthServer.PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);

        Http.Response again = reset(token, "yet another passphrase");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asString()).isEqualTo("invalid_reset_token");
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aResetLiftsTheLockThatFailedGuessesPutOnTheAccount() {
        String email = AuthServer.newEmail();
        server.register(email);
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(server.loginFrom(email, "not the password", address).status())
                    .isEqualTo(401);
        }
        assertThat(server.loginFrom(email, AuthServer.PASSWORD, address).status())
                .as("locked from this address")
                .isEqualTo(429);

        assertThat(requestReset(email, newAddress()).status()).isEqualTo(202);
        assertThat(reset(tokenFrom(mailsTo(email, 1).get(0)), NEW_PASSWORD).status())
                .isEqualTo(204);

        assertThat(server.loginFrom(email, NEW_PASSWORD, address).status())
                .as("the owner is let in again")
                .isEqualTo(200);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() {
        String known = AuthServer.newEmail();
        server.register(known);
        String address = newAddress();

        Http.Response unknown = requestReset("nobody-" + known, address);
        Http.Response existing = requestReset(known, address);

        assertThat(unknown.status()).isEqualTo(existing.status()).isEqualTo(202);
        assertThat(unknown.json().get("message")).isEqualTo(existing.json().get("message"));
        mailsTo(known, 1);
        assertThat(smtp.received()).hasSize(1); // the unknown address got nothing
    }

    @Test
    void onlyTheHashIsStoredAndAnExpiredLinkIsRefused() {
        String email = AuthServer.newEmail();
        server.register(email);
        requestReset(email, newAddress());
        String token = tokenFrom(mailsTo(email, 1).get(0));

        JdbcClient db = server.bean(JdbcClient.class);
        List<String> stored =
                db.sql("""
                SELECT t.token_hash FROM password_reset_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = :email""").param("email", email).query(String.class).list();
        assertThat(stored).containsExactly(OpaqueTokens.hash(token)).doesNotContain(token);

        db.sql("UPDATE password_reset_tokens SET expires_at = 1 WHERE token_hash = :h")
                .param("h", OpaqueTokens.hash(token))
                .update();
        Http.Response expired = reset(token, NEW_PASSWORD);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().get("code").asString()).isEqualTo("invalid_reset_token");
        assertThat(login(email, AuthServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aNewerLinkVoidsNoneButUsingOneVoidsTheOthers() {
        String email = AuthServer.newEmail();
        server.register(email);
        requestReset(email, newAddress());
        requestReset(email, newAddress());
        List<MimeMessage> mails = mailsTo(email, 2);
        String first = tokenFrom(mails.get(0));
        String second = tokenFrom(mails.get(1));

        assertThat(reset(second, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(reset(first, "someone else's choice").status()).isEqualTo(400);
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void oneEmailGetsAtMostItsQuotaOfMailsAndTheAnswerNeverChanges() throws Exception {
        String email = AuthServer.newEmail();
        server.register(email);
        for (int i = 0; i < 4; i++) {
            assertThat(requestReset(email, newAddress()).status()).isEqualTo(202);
        }
        mailsTo(email, 2);
        Thread.sleep(500); // a third mail, if one were (wrongly) sent, has time to arrive
        assertThat(smtp.receivedForDomain(email.substring(email.indexOf('@') + 1)).length)
                .isEqualTo(2);
    }

    @Test
    void oneAddressAskingTooOftenIsToldToWait() {
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertThat(requestReset(AuthServer.newEmail(), address).status()).isEqualTo(202);
        }
        Http.Response limited = requestReset(AuthServer.newEmail(), address);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.json().get("code").asString()).isEqualTo("rate_limited");
    }

    @Test
    void badInputIsAProblem() {
        Http.Response notAnEmail = requestReset("not an email", newAddress());
        assertThat(notAnEmail.status()).isEqualTo(400);
        assertThat(notAnEmail.json().get("code").asString()).isEqualTo("validation_failed");

        Http.Response tooShort = reset("x".repeat(43), "short");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("code").asString()).isEqualTo("validation_failed");

        Http.Response noBody = server.http.send("POST", "/auth/password/reset", "{", null, Map.of());
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.contentType()).startsWith("application/problem+json");
    }

    // --- helpers

    static synchronized String newAddress() {
        return "10.9." + (addresses / 250) + "." + (++addresses % 250 + 1);
    }

    static Http.Response requestReset(String email, String address) {
        return server.http.send(
                "POST",
                "/auth/password/reset-request",
                Http.json(Map.of("email", email)),
                null,
                Map.of("X-Forwarded-For", address));
    }

    static Http.Response reset(String token, String password) {
        return server.http.post("/auth/password/reset", Map.of("token", token, "new_password", password));
    }

    static Http.Response refresh(JsonNode session) {
        return server.http.post(
                "/auth/refresh",
                Map.of("refresh_token", session.get("refresh_token").asString()));
    }

    static Http.Response login(String email, String password) {
        return server.http.post("/auth/login", Map.of("email", email, "password", password));
    }

    static List<MimeMessage> mailsTo(String email, int count) {
        return smtp.awaitMailsTo(email, count);
    }

    static String tokenFrom(MimeMessage mail) {
        try {
            assertThat(mail.getSubject()).isEqualTo("Reset your MindBot password");
            assertThat(mail.getFrom()[0].toString()).contains("auth@mindbot.test");
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find())
                .as("a reset link in: %s", GreenMailUtil.getBody(mail))
                .isTrue();
        return link.group(1);
    }
}
