package ai.mindbot.launcher.backup;

import ai.mindbot.common.db.DatabaseUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own client programs ({@code pg_dump}, {@code pg_restore}) run against {@code DATABASE_URL}.
 * They are found on PATH, or in {@code PG_BIN} when set, and must be at least the server's major
 * version (an older pg_dump refuses a newer server). The password reaches them in their environment
 * ({@code PGPASSWORD}), never on a command line other users of the machine could read.
 */
final class PostgresTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    /** pg_dump's and pg_restore's --verbose line for each table's data, shown as progress. */
    private static final Pattern TABLE_LINE =
            Pattern.compile("(?:dumping contents of|processing data for) table \"(.+)\"");

    private final DatabaseUrl url;
    private final String bin;

    PostgresTools(DatabaseUrl url, Map<String, String> settings) {
        this.url = url;
        this.bin = settings.getOrDefault("PG_BIN", "");
    }

    Connection connect() {
        try {
            return url.username() == null
                    ? DriverManager.getConnection(url.jdbcUrl())
                    : DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
        } catch (SQLException e) {
            throw new BackupFailure("cannot connect to PostgreSQL at DATABASE_URL: " + e.getMessage(), e);
        }
    }

    /** The program's path, after checking that it can work with this server. */
    String program(String name, Connection server) {
        String program = bin.isBlank() ? name : Path.of(bin, name).toString();
        int client = clientMajor(program, name);
        int serverMajor;
        try (var statement = server.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            serverMajor = Integer.parseInt(rs.getString(1).strip()) / 10000;
        } catch (SQLException e) {
            throw new BackupFailure("cannot ask PostgreSQL for its version: " + e.getMessage(), e);
        }
        if (client < serverMajor) {
            throw new BackupFailure(
                    name + " " + client + " cannot work with PostgreSQL " + serverMajor + " (its major version "
                            + "must be the server's or newer): install postgresql-client-" + serverMajor
                            + " or newer, or point "
                            + "PG_BIN at its bin directory");
        }
        return program;
    }

    /** Runs a client program, telling {@code onTable} each table it reaches; fails with its last words if it fails. */
    void run(List<String> command, Consumer<String> onTable) {
        List<String> full = new ArrayList<>(command);
        full.add("--dbname=" + libpqUri());
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (url.password() != null || queryPassword() != null) {
            builder.environment().put("PGPASSWORD", url.password() != null ? url.password() : queryPassword());
        }
        Deque<String> last = new ArrayDeque<>();
        int exit;
        try {
            Process process = builder.start();
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher table = TABLE_LINE.matcher(line);
                    if (table.find()) {
                        onTable.accept(table.group(1));
                    }
                    last.addLast(line);
                    if (last.size() > 12) {
                        last.removeFirst();
                    }
                }
            }
            exit = process.waitFor();
        } catch (IOException e) {
            throw new BackupFailure("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupFailure("interrupted while " + command.get(0) + " ran", e);
        }
        if (exit != 0) {
            throw new BackupFailure(command.get(0) + " failed (exit " + exit + "):\n  " + String.join("\n  ", last));
        }
    }

    private static int clientMajor(String program, String name) {
        String answer;
        try {
            Process process = new ProcessBuilder(program, "--version")
                    .redirectErrorStream(true)
                    .start();
            answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
        } catch (IOException e) {
            throw new BackupFailure(
                    name + " was not found: PostgreSQL backups need PostgreSQL's client programs, of the "
                            + "server's major version or newer (Debian: scripts/install-postgresql-client, or apt-get install "
                            + "postgresql-client), on PATH or in PG_BIN");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupFailure("interrupted while asking " + name + " for its version", e);
        }
        Matcher version = VERSION.matcher(answer);
        if (!version.find()) {
            throw new BackupFailure(program + " --version said \"" + answer.strip() + "\", not a PostgreSQL version");
        }
        return Integer.parseInt(version.group(1));
    }

    /** DATABASE_URL as libpq reads it, with the user but without the password. */
    private String libpqUri() {
        String rest = url.jdbcUrl().substring("jdbc:".length()); // postgresql://host:port/db?params
        int query = rest.indexOf('?');
        String base = query < 0 ? rest : rest.substring(0, query);
        List<String> params = query < 0
                ? List.of()
                : Arrays.stream(rest.substring(query + 1).split("&"))
                        .filter(p -> !p.startsWith("password="))
                        .toList();
        if (url.username() != null) {
            base = base.replaceFirst(
                    "^postgresql://",
                    "postgresql://" + URLEncoder.encode(url.username(), StandardCharsets.UTF_8) + "@");
        }
        return params.isEmpty() ? base : base + "?" + String.join("&", params);
    }

    private String queryPassword() {
        int query = url.jdbcUrl().indexOf('?');
        if (query < 0) {
            return null;
        }
        return Arrays.stream(url.jdbcUrl().substring(query + 1).split("&"))
                .filter(p -> p.startsWith("password="))
                .map(p -> URLDecoder.decode(p.substring("password=".length()), StandardCharsets.UTF_8))
                .findFirst()
                .orElse(null);
    }
}
