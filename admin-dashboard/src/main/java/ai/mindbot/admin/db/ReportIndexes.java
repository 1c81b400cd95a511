package ai.mindbot.admin.db;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ai.mindbot.common.db.SqlDialect;

/**
 * Indexes the reports need on the time service's tables in PostgreSQL, beyond the ones its schema
 * has: {@code purchases (updated_at)}, the change feed of the revenue rollup, and small partial
 * indexes for the dashboard's live sessions and alerts. They are created (CONCURRENTLY, so writers never wait) when
 * the tables exist and the indexes do not. They belong in a time-service migration; until one
 * carries them, the dashboard makes sure they are there. SQLite is left as the time service made it.
 */
@Component
public class ReportIndexes {

    private static final Logger log = LoggerFactory.getLogger(ReportIndexes.class);

    static final List<String> INDEXES = List.of(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS admin_report_purchases_updated ON purchases (updated_at)",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS admin_report_sessions_open ON voice_sessions (started_at)"
                    + " WHERE ended_at IS NULL",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS admin_report_purchases_troubled ON purchases (created_at)"
                    + " WHERE status = 'failed' OR refunded_cents > 0",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS admin_report_accounts_flagged ON accounts (updated_at) WHERE flagged");

    private final ReportsDatabase reports;

    ReportIndexes(ReportsDatabase reports) {
        this.reports = reports;
    }

    /** Creates what is missing; answers false when the time tables are not there yet. */
    public boolean ensure() {
        if (reports.dialect() != SqlDialect.POSTGRESQL) {
            return true;
        }
        long tables = reports.jdbc().sql("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name IN ('purchases', 'voice_sessions', 'accounts')
                """).query(Long.class).single();
        if (tables < 3) {
            log.warn("reports: the time service's tables are not in the database yet; report indexes not created");
            return false;
        }
        for (String ddl : INDEXES) {
            long started = System.nanoTime();
            reports.jdbc().sql(ddl).update();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > 1000) {
                log.info("reports: built {} in {} ms", ddl.split(" ")[6], millis);
            }
        }
        return true;
    }
}
