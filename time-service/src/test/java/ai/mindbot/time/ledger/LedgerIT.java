package ai.mindbot.time.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.springframework.jdbc.core.simple.JdbcClient;

class LedgerIT extends OnBothDatabases {

    static RunningService service;
    static Ledger ledger;
    static Accounts accounts;
    static LedgerAudit audit;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        service = RunningService.start(TimeServiceApplication.builder(), database.freshProperties());
        ledger = service.context().getBean(Ledger.class);
        accounts = service.context().getBean(Accounts.class);
        audit = service.context().getBean(LedgerAudit.class);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        service.close();
    }

    @Test
    void creditsACauseExactlyOnceUnderConcurrentRepeats() throws Exception {
        NewEntry credit = NewEntry.of("u-once", EntryKind.PURCHASE_CREDIT, 3600, Cause.paymentIntent("pi_once"));
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(() -> {
                try {
                    ledger.post(credit);
                    return true;
                } catch (DuplicateCauseException expected) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long posted = 0;
        for (Future<Boolean> f : pool.invokeAll(attempts)) {
            posted += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(posted).isEqualTo(1);
        assertThat(accounts.get("u-once").balanceSeconds()).isEqualTo(3600);
        assertThat(ledger.countOf("u-once")).isEqualTo(1);
    }

    @Test
    void refusesADebitBelowTheFloorAndLeavesNothingWritten() {
        ledger.post(NewEntry.of("u-floor", EntryKind.ADMIN_GRANT, 60, Cause.adminAction("grant-1")));

        assertThatThrownBy(() ->
                        ledger.post(NewEntry.of("u-floor", EntryKind.SESSION_USAGE, -61, Cause.sessionCommit("s1", 1))
                                .withFloor(0)))
                .isInstanceOf(InsufficientBalanceException.class);

        assertThat(accounts.get("u-floor").balanceSeconds()).isEqualTo(60);
        assertThat(ledger.countOf("u-floor")).isEqualTo(1);
    }

    @Test
    void everyStoredBalanceIsTheSumOfItsEntries() {
        ledger.post(NewEntry.of("u-sum", EntryKind.PURCHASE_CREDIT, 18000, Cause.paymentIntent("pi_sum")));
        ledger.post(NewEntry.of("u-sum", EntryKind.SESSION_USAGE, -125, Cause.sessionCommit("s2", 1))
                .withFloor(0));
        LedgerEntry last = ledger.post(NewEntry.of("u-sum", EntryKind.REFUND_DEBIT, -9000, Cause.refund("re_1")));

        assertThat(last.balanceAfter()).isEqualTo(18000 - 125 - 9000);
        assertThat(audit.mismatches()).isEmpty();
    }

    @Test
    void movesTheSessionReservationInTheSameWriteAsTheDebit() {
        ledger.post(NewEntry.of("u-hold", EntryKind.ADMIN_GRANT, 100, Cause.adminAction("grant-hold")));
        service.context()
                .getBean(JdbcClient.class)
                .sql("UPDATE accounts SET reserved_seconds = 60 WHERE user_id = 'u-hold'")
                .update();

        ledger.post(
                NewEntry.of("u-hold", EntryKind.SESSION_USAGE, -50, Cause.sessionCommit("s-hold", 1)),
                new Reservation(60, 50));

        assertThat(accounts.get("u-hold").balanceSeconds()).isEqualTo(50);
        assertThat(accounts.get("u-hold").reservedSeconds()).isEqualTo(50);
        assertThatThrownBy(() -> ledger.post(
                        NewEntry.of("u-hold", EntryKind.SESSION_USAGE, -1, Cause.sessionCommit("s-hold", 2)),
                        new Reservation(50, 50)))
                .isInstanceOf(InsufficientBalanceException.class); // 49 left cannot hold 50
        assertThat(accounts.get("u-hold").reservedSeconds()).isEqualTo(50);
        assertThat(ledger.countOf("u-hold")).isEqualTo(2);
        assertThat(audit.mismatches()).isEmpty();
    }

    @Test
    void tellsBalanceListenersOfEveryMoveInsideTheTransaction() {
        ledger.post(NewEntry.of("u-told", EntryKind.ADMIN_GRANT, 1000, Cause.adminAction("grant-told")));
        ledger.post(NewEntry.of("u-told", EntryKind.ADMIN_REVOKE, -200, Cause.adminAction("revoke-told")));

        // the low-balance listener saw 1000 -> 800 cross the 900 s threshold and wrote its notice with the debit
        assertThat(service.context()
                        .getBean(JdbcClient.class)
                        .sql("SELECT COUNT(*) FROM notification_outbox WHERE user_id = 'u-told'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
