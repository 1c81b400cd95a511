package ai.mindbot.time.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listeners hear of a changed account only once its transaction has committed (another connection
 * already sees the new balance), once per transaction, and never of a rollback.
 */
class AccountChangesIT {

    /** What each telling saw: the user and the balance another connection read at that moment. */
    record Told(String userId, long balanceSeenElsewhere) {}

    private static final List<Told> TOLD = new CopyOnWriteArrayList<>();
    private static RunningService service;

    @BeforeAll
    static void start() {
        Map<String, String> properties = new HashMap<>(TestDatabase.SQLITE.freshProperties());
        properties.put("JWT_SECRET", "account-changes-test-secret-long-enough-for-hs256-0123");
        service = RunningService.start(
                TimeServiceApplication.builder()
                        .initializers(context -> context.getBeanFactory()
                                .registerSingleton("recordingListener", (AccountChangeListener) user -> TOLD.add(
                                        new Told(user, balanceElsewhere(context.getBean(DataSource.class), user))))),
                properties);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void toldOncePerTransactionAfterItCommitted() {
        TransactionTemplate tx = new TransactionTemplate(service.context().getBean(PlatformTransactionManager.class));
        Ledger ledger = service.context().getBean(Ledger.class);
        TOLD.clear();

        tx.executeWithoutResult(status -> {
            ledger.post(NewEntry.of("ac-1", EntryKind.ADMIN_GRANT, 100, Cause.adminAction("ac-1-a")));
            ledger.post(NewEntry.of("ac-1", EntryKind.ADMIN_GRANT, 50, Cause.adminAction("ac-1-b")));
            assertThat(TOLD).isEmpty(); // not before the commit
        });

        assertThat(TOLD).containsExactly(new Told("ac-1", 150));
    }

    @Test
    void neverToldOfARollback() {
        TransactionTemplate tx = new TransactionTemplate(service.context().getBean(PlatformTransactionManager.class));
        Ledger ledger = service.context().getBean(Ledger.class);
        TOLD.clear();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    ledger.post(NewEntry.of("ac-2", EntryKind.ADMIN_GRANT, 100, Cause.adminAction("ac-2-a")));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(TOLD).isEmpty();
    }

    private static long balanceElsewhere(DataSource dataSource, String userId) {
        try (Connection other = dataSource.getConnection();
                PreparedStatement read =
                        other.prepareStatement("SELECT balance_seconds FROM accounts WHERE user_id = ?")) {
            read.setString(1, userId);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
