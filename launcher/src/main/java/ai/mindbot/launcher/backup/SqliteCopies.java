package ai.mindbot.launcher.backup;

import ai.mindbot.launcher.backup.DataLocation.SqliteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.sqlite.SQLiteConnection;

/**
 * Backs up and restores the services' SQLite files while the services may be using them.
 *
 * <p>Backup is {@code VACUUM INTO}: one read transaction, so the copy is the database as of one
 * moment, and in WAL mode the services keep writing meanwhile (copying the file would miss what is
 * still in the WAL and could catch a half-written page). Restore uses SQLite's online backup API in
 * the other direction: it holds the destination's write lock for the whole copy, so services running
 * on it wait and then see the restored data, never a mix.
 */
final class SqliteCopies {

    private SqliteCopies() {}

    /** Copies every service database that exists into {@code into}; returns the names of the copies. */
    static List<String> backup(List<SqliteFile> databases, Path into, Progress progress) {
        List<String> copied = new ArrayList<>();
        for (SqliteFile database : databases) {
            if (!Files.isRegularFile(database.path())) {
                progress.say("  " + database.name() + " database: none at " + database.path() + ", skipped");
                continue;
            }
            Path copy = into.resolve(database.backupFileName());
            progress.step("copying the " + database.name() + " database", () -> Progress.written(copy), () -> {
                try (Connection db = open(database.path());
                        var statement = db.createStatement()) {
                    statement.execute(
                            "VACUUM INTO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
                }
            });
            copied.add(copy.getFileName().toString());
        }
        return copied;
    }

    /** Replaces each service database with its copy from {@code from} (those the backup holds). */
    static void restore(Path from, List<SqliteFile> databases, Progress progress) {
        for (SqliteFile database : databases) {
            Path copy = from.resolve(database.backupFileName());
            if (!Files.isRegularFile(copy)) {
                continue;
            }
            AtomicReference<String> done = new AtomicReference<>("starting");
            progress.step("restoring the " + database.name() + " database", done::get, () -> {
                Files.createDirectories(database.path().toAbsolutePath().getParent());
                try (Connection db = open(database.path())) {
                    // 1024 pages a step, and up to 100 waits of 100 ms while a service finishes a write
                    ((SQLiteConnection) db)
                            .getDatabase()
                            .restore(
                                    "main",
                                    copy.toAbsolutePath().toString(),
                                    (remaining, pages) -> done.set(
                                            pages == 0
                                                    ? "0%"
                                                    : (100 * (pages - remaining) / pages) + "% of " + pages + " pages"),
                                    100,
                                    100,
                                    1024);
                }
            });
        }
    }

    /** Opens each database that exists, for counting what it holds. */
    static List<Connection> openAll(List<Path> files) {
        List<Connection> open = new ArrayList<>();
        try {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    open.add(open(file));
                }
            }
            return open;
        } catch (SQLException e) {
            closeAll(open);
            throw new BackupFailure("cannot open " + files + ": " + e.getMessage(), e);
        }
    }

    static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // counting is over; nothing was written through these connections
            }
        }
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
