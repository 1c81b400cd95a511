package ai.mindbot.auth;

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
 * One writer per table, as in the time service: the SQL in the auth service's sources that inserts
 * into, updates or deletes from a table is in that table's one class. The report views
 * ({@code auth_report_*_v1}) are made by {@code CREATE VIEW}, not tables, so nothing may write them.
 * Reads the string literals and text blocks of {@code src/main/java} (SQL constants are inlined
 * into the bytecode, where ArchUnit cannot see them) and every table the migrations create.
 */
class TableWritersTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/auth");
    private static final String ROOT = "ai/mindbot/auth/";

    /** Each table's one writer, a source file under {@code ai/mindbot/auth/}. */
    private static final Map<String, String> WRITERS = Map.of(
            "users", "account/AccountStore.java",
            "refresh_tokens", "token/RefreshTokenStore.java",
            "password_reset_tokens", "reset/ResetTokenStore.java",
            "auth_attempts", "ratelimit/DatabaseAttempts.java");

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
    void theUsersTableIsWrittenByTheAccountStoreOnly() {
        assertThat(WRITERS.get("users")).startsWith("account/");
        assertThat(tablesWrittenIn(read(SOURCES.resolve(ROOT + "account/AccountStore.java")))).contains("users");
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
        assertThat(tablesWrittenIn(source)).containsExactlyInAnyOrder("users", "auth_attempts");
    }

    static Set<String> tablesWrittenIn(String source) {
        String code = COMMENT.matcher(source).replaceAll(" ");
        Set<String> tables = new TreeSet<>();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher write = WRITE.matcher(sql);
            while (write.find()) {
                tables.add(write.group(1).toLowerCase(Locale.ROOT));
            }
        }
        tables.remove("set"); // "ON CONFLICT ... DO UPDATE SET": the row of the INSERT's own table
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
