package ai.mindbot.launcher.backup;

import ai.mindbot.time.ledger.LedgerAudit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a copy of the data holds, counted the same way when it is backed up and when it is restored:
 * the rows of the tables that carry accounts and money, the ledger's total, and how many balances
 * disagree with their ledger entries (the time service's own {@link LedgerAudit}; zero in any sound copy).
 */
record Inventory(Map<String, Long> rows, long ledgerSeconds, int balancesOffLedger) {

    /** The tables counted, and how a person reads one row of each. */
    private static final Map<String, String> TABLES = Map.of(
            "users",
            "user",
            "accounts",
            "time account",
            "purchases",
            "purchase",
            "ledger_entries",
            "ledger entry",
            "voice_sessions",
            "voice session",
            "admin_audit_log",
            "admin audit entry");

    private static final List<String> ORDER =
            List.of("users", "accounts", "purchases", "ledger_entries", "voice_sessions", "admin_audit_log");

    /** Counts what these databases hold (one PostgreSQL connection, or the SQLite file of each service). */
    static Inventory count(List<Connection> databases) {
        Map<String, Long> rows = new LinkedHashMap<>();
        long ledgerSeconds = 0;
        int offLedger = 0;
        try {
            for (Connection db : databases) {
                for (String table : ORDER) {
                    if (hasTable(db, table)) {
                        rows.merge(table, single(db, "SELECT COUNT(*) FROM " + table), Long::sum);
                    }
                }
                if (hasTable(db, "ledger_entries") && hasTable(db, "accounts")) {
                    ledgerSeconds += single(db, "SELECT COALESCE(SUM(seconds), 0) FROM ledger_entries");
                    offLedger += new LedgerAudit(JdbcClient.create(new SingleConnectionDataSource(db, true)))
                            .mismatches()
                            .size();
                }
            }
        } catch (SQLException e) {
            throw new BackupFailure("cannot count what the database holds: " + e.getMessage(), e);
        }
        return new Inventory(rows, ledgerSeconds, offLedger);
    }

    boolean isEmpty() {
        return rows.values().stream().allMatch(n -> n == 0);
    }

    /** "3 users, 3 time accounts, 5 purchases, 9 ledger entries (30600 s in all), ..." */
    String describe() {
        String counts = ORDER.stream()
                .filter(rows::containsKey)
                .map(table -> rows.get(table) + " " + plural(TABLES.get(table), rows.get(table))
                        + (table.equals("ledger_entries") ? " (" + ledgerSeconds + " s in all)" : ""))
                .collect(Collectors.joining(", "));
        return counts
                + (balancesOffLedger == 0
                        ? "; every balance equals its ledger entries"
                        : "; " + balancesOffLedger + " balances DISAGREE with their ledger entries");
    }

    void writeTo(Properties manifest) {
        rows.forEach((table, n) -> manifest.setProperty("rows." + table, Long.toString(n)));
        manifest.setProperty("ledger_seconds", Long.toString(ledgerSeconds));
        manifest.setProperty("balances_off_ledger", Integer.toString(balancesOffLedger));
    }

    static Inventory readFrom(Properties manifest) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : ORDER) {
            String n = manifest.getProperty("rows." + table);
            if (n != null) {
                rows.put(table, Long.parseLong(n));
            }
        }
        return new Inventory(
                rows,
                Long.parseLong(manifest.getProperty("ledger_seconds", "0")),
                Integer.parseInt(manifest.getProperty("balances_off_ledger", "0")));
    }

    private static String plural(String noun, long n) {
        return n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    private static boolean hasTable(Connection db, String table) throws SQLException {
        try (ResultSet tables = db.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
