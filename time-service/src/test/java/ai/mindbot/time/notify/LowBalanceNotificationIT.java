package ai.mindbot.time.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.SmtpInbox;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.NewEntry;
import ai.mindbot.time.testing.TimeService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/** One low-balance notice per crossing of 900 s, written with the debit, emailed through a real SMTP server (GreenMail). */
class LowBalanceNotificationIT extends OnBothDatabases {

    static SmtpInbox smtp;
    static TimeService time;
    static Http http;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        smtp = SmtpInbox.start();
        time = TimeService.onHandMovedClock(
                database,
                smtp.plus(
                        "MindBot <time@mindbot.test>",
                        Map.of("LOW_BALANCE_THRESHOLD_SECONDS", "900", "SESSION_SLICE_SECONDS", "60")));
        http = time.http;
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        time.close();
        smtp.close();
    }

    @BeforeEach
    void emptyMailbox() {
        smtp.empty();
    }

    @AfterEach
    void theLedgerStillRebuildsEveryBalance() {
        assertThat(time.auditMismatches()).isEmpty();
    }

    static long notices(String userId) {
        return time.jdbc()
                .sql("SELECT COUNT(*) FROM notification_outbox WHERE user_id = :u AND kind = 'low_balance'")
                .param("u", userId)
                .query(Long.class)
                .single();
    }

    static String startSession(String userId, String email) {
        Http.Response r =
                http.post("/time/sessions", Map.of("room_name", "room-" + userId), Tokens.user(userId, email));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("session_id").asString();
    }

    static void talk(String userId, String email, String session, int seconds) {
        time.clock.advance(Duration.ofSeconds(seconds));
        Http.Response r = http.post("/time/sessions/" + session + "/heartbeat", "", Tokens.user(userId, email));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void oneNoticePerCrossingEmailedToTheAddressInTheToken() throws Exception {
        String email = "low.balance@example.com";
        time.grant("7001", 1000);
        String session = startSession("7001", email);

        talk("7001", email, session, 59); // 941 left: above the threshold
        assertThat(notices("7001")).isZero();
        talk("7001", email, session, 59); // 882: crossed
        talk("7001", email, session, 30); // 852: still below, no second notice
        assertThat(notices("7001")).isEqualTo(1);

        assertThat(time.bean(OutboxDelivery.class).deliverDue()).isEqualTo(1);
        assertThat(time.bean(OutboxDelivery.class).deliverDue()).isZero(); // delivered once
        MimeMessage[] mail = smtp.received();
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(mail[0].getSubject()).isEqualTo("Your MindBot time is running low");
        assertThat(mail[0].getContent().toString()).contains("about 14 minutes");

        time.grant("7001", 100); // 952: back above, the next crossing is a new one
        talk("7001", email, session, 60);
        assertThat(notices("7001")).isEqualTo(2);
    }

    @Test
    void parallelDebitsAcrossTheThresholdWriteOneNotice() throws Exception {
        time.grant("7002", 1000);
        Ledger ledger = time.bean(Ledger.class);
        List<Callable<Object>> debits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            debits.add(() ->
                    ledger.post(NewEntry.of("7002", EntryKind.SESSION_USAGE, -10, Cause.sessionCommit("bulk", n))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        for (var f : pool.invokeAll(debits)) {
            f.get();
        }
        pool.shutdown();

        assertThat(time.storedBalance("7002")).isEqualTo(800);
        assertThat(notices("7002")).isEqualTo(1);
    }

    @Test
    void retriesWithBackoffWhenTheMailServerIsDown() throws Exception {
        String email = "retry@example.com";
        time.grant("7003", 910);
        String session = startSession("7003", email);
        smtp.stop();
        try {
            talk("7003", email, session, 20); // 890: crossed
            assertThat(time.bean(OutboxDelivery.class).deliverDue()).isZero();
        } finally {
            smtp.restart();
        }
        assertThat(time.jdbc()
                        .sql("SELECT attempts FROM notification_outbox WHERE user_id = '7003'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(time.bean(OutboxDelivery.class).deliverDue()).isZero(); // not due again for 10 s

        time.clock.advance(Duration.ofSeconds(11));
        assertThat(time.bean(OutboxDelivery.class).deliverDue()).isEqualTo(1);
        assertThat(smtp.received()).hasSize(1);
        assertThat(smtp.received()[0].getAllRecipients()[0].toString()).isEqualTo(email);
    }

    @Test
    void aUserWithoutAKnownAddressIsNotifiedInTheLog() {
        time.grant("7004", 1000);
        time.bean(Ledger.class)
                .post(NewEntry.of("7004", EntryKind.ADMIN_REVOKE, -200, Cause.adminAction("revoke-7004")));

        assertThat(time.bean(OutboxDelivery.class).deliverDue()).isEqualTo(1);
        assertThat(smtp.received()).isEmpty();
        assertThat(time.jdbc()
                        .sql("SELECT delivered_at FROM notification_outbox WHERE user_id = '7004'")
                        .query(Long.class)
                        .single())
                .isNotNull();
    }
}
