package ai.mindbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One writer per table, as in the time service, and the admin dashboard writes only its own: the SQL
 * in its sources that inserts into, updates or deletes from a table is in that table's one class, and
 * every table it writes is one its own migrations create. What it reads of the other services is
 * only what they publish for it: every table its SQL reads from is its own or a published report view
 * ({@code auth_report_*_v<n>}, {@code time_report_*_v<n>}), never an owner's table.
 * Reads the string literals and text blocks of {@code src/main/java} (SQL constants are inlined
 * into the bytecode, where ArchUnit cannot see them) and every table the migrations create.
 */
class TableWritersTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/admin");
    private static final String ROOT = "ai/mindbot/admin/";

    /** Each table's one writer, a source file under {@code ai/mindbot/admin/}. */
    private static final Map<String, String> WRITERS = Map.of(
            "admin_audit_log", "audit/AuditLog.java",
            "admin_usage_daily", "analytics/UsageRollup.java",
            "admin_user_last_session", "analytics/UsageRollup.java",
            "admin_revenue_daily", "analytics/RevenueRollup.java",
            "admin_revenue_days", "analytics/RevenueRollup.java",
            "admin_rollup_state", "analytics/RollupState.java");

    /** What the owners publish for the dashboard: versioned report views, kept in shape by their PublishedViewsIT. */
    private static final Pattern PUBLISHED_VIEW = Pattern.compile("(?:auth|time)_report_\\w+_v\\d+");
    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)");

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"",
            Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|REPLACE\\s+INTO)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasItsOneWriterNamed() {
        assertThat(WRITERS.keySet()).containsExactlyInAnyOrderElementsOf(createdTables());
    }

    @Test
    void onlyEachTablesWriterHoldsSqlThatWritesIt() throws IOException {
        List<String> strangers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                for (String table : tablesWrittenIn(read(file))) {
                    String writer = WRITERS.get(table);
                    if (writer == null || !name.equals(ROOT + writer)) {
                        strangers.add(name + " writes " + table + " (its writer: " + writer + ")");
                    }
                }
            });
        }
        assertThat(strangers).as("SQL writing a table outside its one writer").isEmpty();
    }

    @Test
    void readsOnlyItsOwnTablesAndThePublishedViews() throws IOException {
        Set<String> own = createdTables();
        List<String> strangers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
                for (String table : tablesReadIn(read(file))) {
                    if (!own.contains(table) && !PUBLISHED_VIEW.matcher(table).matches()) {
                        strangers.add(SOURCES.relativize(file) + " reads " + table);
                    }
                }
            });
        }
        assertThat(strangers).as("SQL reading a table that is neither admin's nor a published view").isEmpty();
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
        assertThat(tablesWrittenIn(source)).containsExactlyInAnyOrder("accounts", "admin_rollup_state");
        assertThat(tablesReadIn(source)).containsExactlyInAnyOrder("time_report_sessions_v1", "purchases",
                "auth_report_users_v1");
    }

    static Set<String> tablesWrittenIn(String source) {
        Set<String> tables = tablesIn(source, WRITE);
        tables.remove("set"); // "ON CONFLICT ... DO UPDATE SET": the row of the INSERT's own table
        return tables;
    }

    /** Upper-case FROM and JOIN only: the SQL here is written so, and "from" is common in messages. */
    static Set<String> tablesReadIn(String source) {
        return tablesIn(source, READ);
    }

    private static Set<String> tablesIn(String source, Pattern statement) {
        String code = COMMENT.matcher(source).replaceAll(" ");
        Set<String> tables = new TreeSet<>();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher found = statement.matcher(sql);
            while (found.find()) {
                tables.add(found.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    private static Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(file -> {
                Matcher create = CREATE.matcher(read(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase(Locale.ROOT));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
