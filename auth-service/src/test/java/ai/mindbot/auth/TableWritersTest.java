package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.OneWriterPerTable;
import ai.mindbot.common.test.TableWriters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One writer per table, as in the time service: the SQL in the auth service's sources that inserts
 * into, updates or deletes from a table is in that table's one class ({@link TableWriters} says how
 * the sources and migrations are read). The report views ({@code auth_report_*_v1}) are made by
 * {@code CREATE VIEW}, not tables, so nothing may write them.
 */
class TableWritersTest extends OneWriterPerTable {

    /** Each table's one writer, a source file under {@code ai/mindbot/auth/}. */
    private static final TableWriters TABLES = new TableWriters(
            "ai.mindbot.auth",
            "db/auth",
            Map.of(
                    "users", "account/AccountStore.java",
                    "refresh_tokens", "token/RefreshTokenStore.java",
                    "password_reset_tokens", "reset/ResetTokenStore.java",
                    "auth_attempts", "ratelimit/DatabaseAttempts.java"));

    TableWritersTest() {
        super(TABLES);
    }

    @Test
    void theUsersTableIsWrittenByTheAccountStoreOnly() {
        assertThat(TABLES.writers().get("users")).startsWith("account/");
        assertThat(TABLES.tablesWrittenBy("account/AccountStore.java")).contains("users");
    }

    /** The scanner must be able to fail: it sees writes in literals and text blocks, not in comments. */
    @Test
    void theScannerSeesWritesInStringsAndNotInComments() {
        String source = """
                class Sneaky {
                    // UPDATE refresh_tokens is only mentioned here
                    /** and here: INSERT INTO password_reset_tokens */
                    String a = "UPDATE users SET disabled_at = :now WHERE id = :id";
                    String b = \"""
                            delete from  auth_attempts WHERE at < :cutoff\""";
                    String c = "SELECT x FROM auth_report_users_v1 ON CONFLICT DO UPDATE SET y = 1";
                }
                """;
        assertThat(TableWriters.tablesWrittenIn(source)).containsExactlyInAnyOrder("users", "auth_attempts");
    }
}
