package ai.mindbot.time;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.OneWriterPerTable;
import ai.mindbot.common.test.TableWriters;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One writer per table: the SQL in the time service's sources that inserts into, updates or deletes
 * from a table is in that table's one class, so each money rule on a row has one place to read
 * ({@link TableWriters} says how the sources and migrations are read).
 */
class TableWritersTest extends OneWriterPerTable {

    /** Each table's one writer, a source file under {@code ai/mindbot/time/}. */
    private static final TableWriters TABLES = new TableWriters(
            "ai.mindbot.time",
            "db/time",
            Map.of(
                    "accounts", "ledger/Accounts.java",
                    "ledger_entries", "ledger/Ledger.java",
                    "purchases", "payment/Purchases.java",
                    "stripe_events", "payment/StripeEventHandler.java",
                    "simulated_payment_intents", "payment/simulator/SimulatedIntents.java",
                    "voice_sessions", "session/SessionStore.java",
                    "notification_outbox", "notify/NotificationOutbox.java",
                    "job_runs", "jobs/JobRuns.java"),
            Set.of("time_scheduled_tasks")); // db-scheduler's own table, written by the library

    TableWritersTest() {
        super(TABLES);
    }

    @Test
    void theAccountsTableIsWrittenByTheLedgerOnly() {
        assertThat(TABLES.writers().get("accounts")).startsWith("ledger/");
        assertThat(TABLES.tablesWrittenBy("ledger/Accounts.java")).contains("accounts");
    }

    /** The scanner must be able to fail: it sees writes in literals and text blocks, not in comments. */
    @Test
    void theScannerSeesWritesInStringsAndNotInComments() {
        String source = """
                class Sneaky {
                    // UPDATE ledger_entries is only mentioned here
                    /** and here: INSERT INTO purchases */
                    String a = "UPDATE accounts SET disabled = TRUE WHERE user_id = :user";
                    String b = \"""
                            insert into  voice_sessions (id) VALUES (:id)\""";
                    String c = "SELECT x FROM stripe_events ON CONFLICT DO UPDATE SET y = 1";
                }
                """;
        assertThat(TableWriters.tablesWrittenIn(source)).containsExactlyInAnyOrder("accounts", "voice_sessions");
    }
}
