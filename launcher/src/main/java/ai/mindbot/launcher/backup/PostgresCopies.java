package ai.mindbot.launcher.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backs up and restores the shared PostgreSQL database with {@code pg_dump} and {@code pg_restore}
 * (custom format). The backup counts what it holds inside one exported snapshot and hands that same
 * snapshot to pg_dump ({@code --snapshot}), so the counts in the manifest are exactly the dump's,
 * however busy the services are meanwhile.
 */
final class PostgresCopies {

    static final String DUMP = "mindbot.dump";

    private PostgresCopies() {}

    static Inventory backup(PostgresTools tools, Path into, Progress progress) {
        Path dump = into.resolve(DUMP);
        try (Connection db = tools.connect()) {
            String pgDump = tools.program("pg_dump", db);
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (var statement = db.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            Inventory inventory = Inventory.count(List.of(db));
            progress.step(
                    "dumping the database (pg_dump, custom format)",
                    () -> Progress.written(dump),
                    () -> tools.run(
                            List.of(
                                    pgDump,
                                    "--format=custom",
                                    "--verbose",
                                    "--snapshot=" + snapshot,
                                    "--file=" + dump.toAbsolutePath()),
                            table -> progress.say("    table " + table)));
            db.commit();
            return inventory;
        } catch (SQLException e) {
            throw new BackupFailure("PostgreSQL backup failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces MindBot's tables with the dump's in one transaction ({@code --clean --single-transaction}):
     * a failure leaves the database as it was. Owners and grants are not restored, so the dump loads
     * into a database owned by another role.
     */
    static void restore(PostgresTools tools, Path from, Progress progress) {
        Path dump = from.resolve(DUMP);
        String pgRestore;
        try (Connection db = tools.connect()) {
            pgRestore = tools.program("pg_restore", db);
        } catch (SQLException e) {
            throw new BackupFailure("PostgreSQL restore failed: " + e.getMessage(), e);
        }
        AtomicInteger tables = new AtomicInteger();
        progress.step(
                "restoring the database (pg_restore)",
                () -> tables.get() + " tables loaded",
                () -> tools.run(
                        List.of(
                                pgRestore,
                                "--clean",
                                "--if-exists",
                                "--no-owner",
                                "--no-privileges",
                                "--single-transaction",
                                "--exit-on-error",
                                "--verbose",
                                dump.toAbsolutePath().toString()),
                        table -> {
                            tables.incrementAndGet();
                            progress.say("    table " + table);
                        }));
    }
}
