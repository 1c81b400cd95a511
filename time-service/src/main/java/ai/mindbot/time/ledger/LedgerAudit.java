package ai.mindbot.time.ledger;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Rebuilds every balance from the ledger and lists the accounts whose stored balance disagrees. */
@Component
public class LedgerAudit {

    /** An account whose stored balance is not the sum of its entries. */
    public record Mismatch(String userId, long storedSeconds, long ledgerSeconds) {}

    private final JdbcClient jdbc;

    public LedgerAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Mismatch> mismatches() {
        return jdbc.sql("""
                SELECT a.user_id, a.balance_seconds, COALESCE(SUM(e.seconds), 0) AS ledger_seconds
                FROM accounts a LEFT JOIN ledger_entries e ON e.user_id = a.user_id
                GROUP BY a.user_id, a.balance_seconds
                HAVING a.balance_seconds <> COALESCE(SUM(e.seconds), 0)""")
                .query((rs, n) -> new Mismatch(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
