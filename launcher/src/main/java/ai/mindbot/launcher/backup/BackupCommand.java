package ai.mindbot.launcher.backup;

import ai.mindbot.launcher.backup.DataLocation.SqliteFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./mindbot backup [dir]} and {@code ./mindbot restore <backup> [--overwrite]}, on whatever
 * database the settings point at (the same {@code .env}, environment and {@code --KEY=VALUE} the
 * services read). Both print each step as it goes and answer an exit code: 0 done, 1 refused or
 * failed (the message says why), 2 misused.
 */
public final class BackupCommand {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupCommand() {}

    /** Writes {@code <dir>/mindbot-<UTC time>/} (dir defaults to {@code ./backups}); services may be running. */
    public static int backup(List<String> args, Map<String, String> settings, PrintStream out) {
        List<String> positional = positional(args, List.of());
        if (positional == null || positional.size() > 1) {
            out.println("usage: ./mindbot backup [directory]   (default: ./backups)");
            return 2;
        }
        Path parent = Path.of(positional.isEmpty() ? "backups" : positional.get(0));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path backup = parent.resolve("mindbot-" + STAMP.format(now));
        Path partial = parent.resolve(backup.getFileName() + ".partial");
        Progress progress = new Progress(out);
        try {
            DataLocation location = DataLocation.of(settings);
            if (Files.exists(backup)) {
                throw new BackupFailure(backup + " already exists; wait a second or choose another directory");
            }
            Files.createDirectories(partial);
            progress.say("Backing up " + location.describe() + " into " + backup);
            BackupManifest manifest = location.isPostgres()
                    ? backupPostgres(location, settings, partial, progress, now)
                    : backupSqlite(location, partial, progress, now);
            manifest.writeTo(partial, backup.getFileName().toString());
            // only a finished backup carries its final name
            Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
            progress.say("Backed up: " + manifest.inventory().describe());
            progress.say("Restore it with: ./mindbot restore " + backup);
            return 0;
        } catch (BackupFailure | IOException | UncheckedIOException e) {
            deleteQuietly(partial);
            out.println("mindbot backup: " + e.getMessage());
            return 1;
        }
    }

    /** Restores a backup into the configured data; refuses to replace data that is there unless {@code --overwrite}. */
    public static int restore(List<String> args, Map<String, String> settings, PrintStream out) {
        List<String> positional = positional(args, List.of("--overwrite"));
        if (positional == null || positional.size() != 1) {
            out.println("usage: ./mindbot restore <backup directory> [--overwrite]");
            return 2;
        }
        boolean overwrite = args.contains("--overwrite");
        Path backup = Path.of(positional.get(0));
        Progress progress = new Progress(out);
        try {
            BackupManifest manifest = BackupManifest.readFrom(backup);
            DataLocation location = DataLocation.of(settings);
            if (!manifest.database().equals(location.kind())) {
                throw new BackupFailure("this is a " + manifest.database() + " backup, but the settings point at "
                        + location.describe() + "; restore it into the kind of database it was taken from");
            }
            Inventory present = inventory(location, settings);
            if (!present.isEmpty() && !overwrite) {
                throw new BackupFailure(
                        "there is data in " + location.describe() + " already (" + present.describe() + "). If "
                                + "MindBot runs on it, everything since the backup would be lost. To replace it, run again with --overwrite.");
            }
            progress.say("Restoring the backup of " + manifest.createdAt() + " into " + location.describe()
                    + (present.isEmpty() ? "" : " (replacing " + present.describe() + ")"));
            if (location.isPostgres()) {
                PostgresCopies.restore(new PostgresTools(location.postgres(), settings), backup, progress);
            } else {
                SqliteCopies.restore(backup, location.sqliteFiles(), progress);
            }
            Inventory restored = inventory(location, settings);
            progress.say("Restored: " + restored.describe());
            if (!restored.equals(manifest.inventory())) {
                throw new BackupFailure("what was restored differs from what the backup holds ("
                        + manifest.inventory().describe() + "); check " + location.describe());
            }
            progress.say("That is everything the backup of " + manifest.createdAt() + " holds.");
            return 0;
        } catch (BackupFailure | UncheckedIOException e) {
            out.println("mindbot restore: " + e.getMessage());
            return 1;
        }
    }

    private static BackupManifest backupPostgres(
            DataLocation location, Map<String, String> settings, Path into, Progress progress, Instant now) {
        Inventory inventory = PostgresCopies.backup(new PostgresTools(location.postgres(), settings), into, progress);
        return new BackupManifest(location.kind(), now, List.of(PostgresCopies.DUMP), inventory);
    }

    private static BackupManifest backupSqlite(DataLocation location, Path into, Progress progress, Instant now) {
        List<String> files = SqliteCopies.backup(location.sqliteFiles(), into, progress);
        if (files.isEmpty()) {
            throw new BackupFailure("there is nothing to back up: no database at " + location.describe());
        }
        // counted from the copies themselves: exactly what the backup holds
        List<Connection> copies =
                SqliteCopies.openAll(files.stream().map(into::resolve).toList());
        try {
            return new BackupManifest(location.kind(), now, files, Inventory.count(copies));
        } finally {
            SqliteCopies.closeAll(copies);
        }
    }

    private static Inventory inventory(DataLocation location, Map<String, String> settings) {
        if (location.isPostgres()) {
            try (Connection db = new PostgresTools(location.postgres(), settings).connect()) {
                return Inventory.count(List.of(db));
            } catch (SQLException e) {
                throw new BackupFailure("cannot read PostgreSQL: " + e.getMessage(), e);
            }
        }
        List<Connection> files = SqliteCopies.openAll(
                location.sqliteFiles().stream().map(SqliteFile::path).toList());
        try {
            return Inventory.count(files);
        } finally {
            SqliteCopies.closeAll(files);
        }
    }

    /** The arguments that are not flags or {@code --KEY=VALUE} settings; null if a flag is unknown. */
    private static List<String> positional(List<String> args, List<String> flags) {
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                continue; // a setting, already in the settings map
            }
            if (arg.startsWith("-")) {
                if (!flags.contains(arg)) {
                    return null;
                }
                continue;
            }
            positional.add(arg);
        }
        return positional;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover .partial directory never looks like a finished backup
        }
    }
}
