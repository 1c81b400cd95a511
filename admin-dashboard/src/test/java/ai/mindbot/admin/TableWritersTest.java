package ai.mindbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.OneWriterPerTable;
import ai.mindbot.common.test.TableWriters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One writer per table, as in the time service, and the admin dashboard writes only its own: the SQL
 * in its sources that inserts into, updates or deletes from a table is in that table's one class, and
 * every table it writes is one its own migrations create. What it reads of the other services is
 * only what they publish for it: every table its SQL reads from is its own or a published report view
 * ({@code auth_report_*_v<n>}, {@code time_report_*_v<n>}), never an owner's table.
 * {@link TableWriters} says how the sources and migrations are read.
 */
class TableWritersTest extends OneWriterPerTable {

    /** Each table's one writer, a source file under {@code ai/mindbot/admin/}. */
    private static final TableWriters TABLES = new TableWriters(
            "ai.mindbot.admin",
            "db/admin",
            Map.of(
                    "admin_audit_log", "audit/AuditLog.java",
                    "admin_usage_daily", "analytics/UsageRollup.java",
                    "admin_user_last_session", "analytics/UsageRollup.java",
                    "admin_revenue_daily", "analytics/RevenueRollup.java",
                    "admin_revenue_days", "analytics/RevenueRollup.java",
                    "admin_rollup_state", "analytics/RollupState.java"));

    /** What the owners publish for the dashboard: versioned report views, kept in shape by their PublishedViewsIT. */
    private static final Pattern PUBLISHED_VIEW = Pattern.compile("(?:auth|time)_report_\\w+_v\\d+");

    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)");

    TableWritersTest() {
        super(TABLES);
    }

    @Test
    void readsOnlyItsOwnTablesAndThePublishedViews() {
        Set<String> own = TABLES.createdTables();
        List<String> strangers = new ArrayList<>();
        TableWriters.mainSources().forEach((name, source) -> {
            for (String table : tablesReadIn(source)) {
                if (!own.contains(table) && !PUBLISHED_VIEW.matcher(table).matches()) {
                    strangers.add(name + " reads " + table);
                }
            }
        });
        assertThat(strangers)
                .as("SQL reading a table that is neither admin's nor a published view")
                .isEmpty();
    }

    /** The scanner must be able to fail: it sees writes and reads in literals and text blocks, not in comments. */
    @Test
    void theScannerSeesSqlInStringsAndNotInComments() {
        String source = """
                class Sneaky {
                    // UPDATE admin_audit_log is only mentioned here
                    /** and here: INSERT INTO admin_usage_daily FROM users */
                    String a = "UPDATE accounts SET disabled = TRUE WHERE user_id = :user";
                    String b = \"""
                            insert into  admin_rollup_state (id) SELECT id FROM time_report_sessions_v1\""";
                    String c = "SELECT x FROM purchases p JOIN auth_report_users_v1 u ON CONFLICT DO UPDATE SET y = 1";
                }
                """;
        assertThat(TableWriters.tablesWrittenIn(source)).containsExactlyInAnyOrder("accounts", "admin_rollup_state");
        assertThat(tablesReadIn(source))
                .containsExactlyInAnyOrder("time_report_sessions_v1", "purchases", "auth_report_users_v1");
    }

    /** Upper-case FROM and JOIN only: the SQL here is written so, and "from" is common in messages. */
    static Set<String> tablesReadIn(String source) {
        return TableWriters.tablesIn(source, READ);
    }
}
