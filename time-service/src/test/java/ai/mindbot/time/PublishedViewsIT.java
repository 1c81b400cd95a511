package ai.mindbot.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ai.mindbot.common.test.ServiceSchema;
import ai.mindbot.common.test.TestDatabase;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read views the time service publishes for reporting keep their shape: the admin dashboard
 * reads them by these names and types. Changing one is a new view ({@code _v2}) beside it, never
 * an edit. Types are as each database declares them (SQLite has no boolean: flags are integers).
 */
class PublishedViewsIT {

    private static DataSource fresh(TestDatabase database) {
        Map<String, String> properties = database.freshProperties();
        return ServiceSchema.dataSource(
                database,
                database == TestDatabase.POSTGRESQL ? properties.get("DATABASE_URL") : properties.get("TIME_DB_PATH"));
    }

    private static DataSource migrated(TestDatabase database) {
        DataSource dataSource = fresh(database);
        ServiceSchema.migrate("time", database, dataSource);
        return dataSource;
    }

    @ParameterizedTest
    @MethodSource("ai.mindbot.common.test.TestDatabase#both")
    void publishesAccountsLedgerPurchasesAndSessions(TestDatabase database) {
        DataSource db = migrated(database);
        boolean pg = database == TestDatabase.POSTGRESQL;
        String flag = pg ? "boolean" : "integer";
        String rowId = pg ? "bigint" : "integer";
        assertThat(ServiceSchema.columns(database, db, "time_report_accounts_v1"))
                .containsExactly(
                        entry("user_id", "text"),
                        entry("balance_seconds", "bigint"),
                        entry("reserved_seconds", "bigint"),
                        entry("disabled", flag),
                        entry("flagged", flag),
                        entry("flag_reason", "text"),
                        entry("updated_at", "bigint"));
        assertThat(ServiceSchema.columns(database, db, "time_report_ledger_v1"))
                .containsExactly(
                        entry("id", rowId),
                        entry("user_id", "text"),
                        entry("kind", "text"),
                        entry("seconds", "bigint"),
                        entry("cause_type", "text"),
                        entry("cause_id", "text"),
                        entry("corrects_entry_id", "bigint"),
                        entry("balance_after", "bigint"),
                        entry("actor", "text"),
                        entry("note", "text"),
                        entry("created_at", "bigint"));
        assertThat(ServiceSchema.columns(database, db, "time_report_purchases_v1"))
                .containsExactly(
                        entry("id", "text"),
                        entry("user_id", "text"),
                        entry("package_id", "text"),
                        entry("seconds", "bigint"),
                        entry("amount_cents", "bigint"),
                        entry("refunded_cents", "bigint"),
                        entry("currency", "text"),
                        entry("status", "text"),
                        entry("provider", "text"),
                        entry("payment_intent_id", "text"),
                        entry("failure_code", "text"),
                        entry("created_at", "bigint"),
                        entry("updated_at", "bigint"),
                        entry("succeeded_at", "bigint"));
        assertThat(ServiceSchema.columns(database, db, "time_report_sessions_v1"))
                .containsExactly(
                        entry("id", "text"),
                        entry("user_id", "text"),
                        entry("room_name", "text"),
                        entry("status", "text"),
                        entry("reserved_seconds", "bigint"),
                        entry("used_seconds", "bigint"),
                        entry("started_at", "bigint"),
                        entry("last_heartbeat_at", "bigint"),
                        entry("ended_at", "bigint"),
                        entry("end_reason", "text"));
    }

    /** The API's billed_seconds is used_seconds; the column of that name was a copy nobody needed. */
    @ParameterizedTest
    @MethodSource("ai.mindbot.common.test.TestDatabase#both")
    void sessionsKeepOneCountOfTheirSeconds(TestDatabase database) {
        assertThat(ServiceSchema.columns(database, migrated(database), "voice_sessions"))
                .containsKey("used_seconds")
                .doesNotContainKey("billed_seconds");
    }

    /** A database the admin dashboard indexed itself (before V31) keeps those indexes, renamed, not built twice. */
    @Test
    void takesOverTheIndexesTheDashboardBuilt() {
        DataSource db = fresh(TestDatabase.POSTGRESQL);
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/time/postgresql")
                .table("flyway_history_time")
                .target("30")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE INDEX admin_report_purchases_updated ON purchases (updated_at)")
                .update();
        jdbc.sql("CREATE INDEX admin_report_accounts_flagged ON accounts (updated_at) WHERE flagged")
                .update();

        ServiceSchema.migrate("time", TestDatabase.POSTGRESQL, db);

        assertThat(jdbc.sql(
                                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                                        + " AND indexname IN ('admin_report_purchases_updated', 'admin_report_accounts_flagged',"
                                        + " 'purchases_updated', 'voice_sessions_open', 'purchases_troubled', 'accounts_flagged')")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "purchases_updated", "voice_sessions_open", "purchases_troubled", "accounts_flagged");
    }
}
