package ai.mindbot.launcher.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.launcher.RunningSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./mindbot backup} taken while the services run and take purchases, restored into a fresh
 * data directory (or a fresh PostgreSQL database): every user gets back the same answers from the
 * APIs (profile, balance, transactions, sessions), the ledger the same sums, the admin the same
 * audit trail. A second restore onto that now running system is refused until {@code --overwrite},
 * which then really replaces what changed since.
 */
class BackupRestoreIT {

    @Test
    void restoresEveryBalancePurchaseAndSessionOnSqlite() throws Exception {
        backUpRunningSystemAndRestoreIntoAFreshOne(TestDatabase.SQLITE);
    }

    /** End-to-end: needs PostgreSQL's client programs (scripts/install-postgresql-client). */
    @Test
    @Tag("e2e")
    void restoresEveryBalancePurchaseAndSessionOnPostgresql() throws Exception {
        backUpRunningSystemAndRestoreIntoAFreshOne(TestDatabase.POSTGRESQL);
    }

    private void backUpRunningSystemAndRestoreIntoAFreshOne(TestDatabase database) throws Exception {
        Path backups = Files.createTempDirectory("mindbot-backups-");
        Map<String, String> original = RunningSystem.freshSettings(database);
        List<Customer> customers = new ArrayList<>();
        Map<String, Object> before;
        Map<String, Long> ledgerBefore;
        Customer busy;
        String backedUp;
        try (RunningSystem system = RunningSystem.start(original)) {
            for (String name : List.of("ann", "bob", "cat")) {
                customers.add(Customer.withHistory(system, name));
            }
            String admin = system.adminToken();
            Http.Response grant = system.admin.send(
                    "POST",
                    "/admin/users/" + customers.get(1).id() + "/grant",
                    Http.json(Map.of("seconds", 600, "reason", "sorry for the outage")),
                    admin,
                    Map.of());
            assertThat(grant.status()).as(grant.body()).isEqualTo(200);
            before = answers(system, customers, admin);
            ledgerBefore = ledgerSums(system);

            // the backup is taken while someone keeps buying time
            busy = Customer.register(system, "busy");
            AtomicBoolean buying = new AtomicBoolean(true);
            AtomicReference<Throwable> buyerFailed = new AtomicReference<>();
            Thread buyer = new Thread(() -> {
                try {
                    while (buying.get()) {
                        busy.buy(system, "starter_1h");
                    }
                } catch (Throwable e) {
                    buyerFailed.set(e);
                }
            });
            buyer.start();
            try {
                busy.buy(system, "starter_1h");
                backedUp = run(out -> BackupCommand.backup(List.of(backups.toString()), original, out), 0);
            } finally {
                buying.set(false);
                buyer.join();
            }
            assertThat(buyerFailed.get()).isNull();
        }
        Path backup = onlyBackupIn(backups);
        assertThat(backedUp)
                .contains(database == TestDatabase.SQLITE ? "copying the time database" : "dumping the database");
        assertThat(backedUp)
                .contains(
                        "Backed up: 5 users", "every balance equals its ledger entries", "./mindbot restore " + backup);

        Map<String, String> fresh = RunningSystem.freshSettings(database);
        String restored = run(out -> BackupCommand.restore(List.of(backup.toString()), fresh, out), 0);
        assertThat(restored)
                .contains(
                        "Restored: 5 users",
                        "every balance equals its ledger entries",
                        "That is everything the backup of");

        try (RunningSystem system = RunningSystem.start(fresh)) {
            String admin = system.adminToken();
            assertThat(answers(system, customers, admin)).isEqualTo(before);
            assertThat(ledgerSums(system)).containsAllEntriesOf(ledgerBefore);
            // whatever the busy customer had bought when the copy was taken, it came back whole
            long busyBalance = system.time
                    .get("/time/balance", busy.token())
                    .json()
                    .get("balance_seconds")
                    .asLong();
            assertThat(busyBalance)
                    .isPositive()
                    .isEqualTo(ledgerSums(system).get(busy.id()))
                    .isEqualTo(3600 * purchases(system, busy));

            // the restored system moves on: a purchase the next restore must undo
            customers.get(0).buy(system, "pro_20h");
            assertThat(answers(system, customers, admin)).isNotEqualTo(before);
            String refused = run(out -> BackupCommand.restore(List.of(backup.toString()), fresh, out), 1);
            assertThat(refused).contains("there is data in", "already", "--overwrite");
            assertThat(answers(system, customers, admin)).isNotEqualTo(before);

            String overwritten =
                    run(out -> BackupCommand.restore(List.of(backup.toString(), "--overwrite"), fresh, out), 0);
            assertThat(overwritten).contains("replacing", "Restored: 5 users");
            assertThat(answers(system, customers, admin)).isEqualTo(before);
        }
    }

    /** What each customer and the admin see through the APIs, keyed by who asked what. */
    private static Map<String, Object> answers(RunningSystem system, List<Customer> customers, String admin) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Customer c : customers) {
            for (String path : List.of("/time/balance", "/time/transactions?limit=100", "/time/sessions?limit=100")) {
                answers.put(c.name() + " " + path, ok(system.time.get(path, c.token())));
            }
            answers.put(c.name() + " /auth/me", ok(system.auth.get("/auth/me", c.token())));
        }
        answers.put("admin /admin/audit", ok(system.admin.get("/admin/audit", admin)));
        return answers;
    }

    private static String ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static long purchases(RunningSystem system, Customer customer) {
        return JdbcClient.create(system.timeDatabase())
                .sql("SELECT COUNT(*) FROM purchases WHERE user_id = ? AND status = 'succeeded'")
                .param(customer.id())
                .query(Long.class)
                .single();
    }

    /** Each account's ledger, summed as stored. */
    private static Map<String, Long> ledgerSums(RunningSystem system) {
        Map<String, Long> sums = new LinkedHashMap<>();
        JdbcClient.create(system.timeDatabase())
                .sql("SELECT user_id, SUM(seconds) FROM ledger_entries GROUP BY user_id ORDER BY user_id")
                .query(rs -> {
                    sums.put(rs.getString(1), rs.getLong(2));
                });
        return sums;
    }

    private interface Command {
        int run(PrintStream out);
    }

    private static String run(Command command, int expectedExit) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = command.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output); // what an operator would see, in the test's report
        assertThat(exit).as(output).isEqualTo(expectedExit);
        return output;
    }

    private static Path onlyBackupIn(Path backups) throws IOException {
        try (Stream<Path> entries = Files.list(backups)) {
            List<Path> all = entries.toList();
            assertThat(all).as("one finished backup, no .partial left").hasSize(1);
            assertThat(all.get(0).getFileName().toString()).matches("mindbot-\\d{8}-\\d{6}");
            return all.get(0);
        }
    }
}
