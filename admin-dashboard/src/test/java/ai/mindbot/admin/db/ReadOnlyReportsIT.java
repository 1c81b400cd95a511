package ai.mindbot.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.mindbot.admin.support.Business;
import ai.mindbot.common.db.DatabaseUrl;
import ai.mindbot.common.test.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's connection to the other services' data reads their report views and can write
 * nothing, not even by mistake: the database itself refuses (SQLite opened read-only, the auth
 * file attached read-only too; PostgreSQL sessions in read-only transactions).
 */
class ReadOnlyReportsIT {

    private static final List<String> WRITES = List.of(
            "INSERT INTO accounts (user_id, balance_seconds, created_at, updated_at) VALUES ('mallory', 360000, 1, 1)",
            "UPDATE accounts SET balance_seconds = balance_seconds + 3600",
            "DELETE FROM ledger_entries",
            "UPDATE users SET disabled_at = NULL",
            "CREATE TABLE admin_mistake (id INTEGER)");

    @ParameterizedTest
    @MethodSource("ai.mindbot.common.test.TestDatabase#both")
    void refusesEveryWriteThroughTheReportsConnection(TestDatabase database) {
        Map<String, String> properties = database.freshProperties();
        Business business = Business.create(database, properties);
        String ada = business.user("ada@example.com", "Ada", 1_000);
        business.account(ada, 600, 0, 1_000);
        business.ledger(ada, "grant", 600, 600, "g1", 1_000);

        HikariDataSource reports = database == TestDatabase.POSTGRESQL
                ? ReportsConnections.postgres(DatabaseUrl.parse(properties.get("DATABASE_URL")), 2)
                : ReportsConnections.sqlite(
                        Path.of(properties.get("TIME_DB_PATH")), Path.of(properties.get("AUTH_DB_PATH")));
        try {
            JdbcClient jdbc = JdbcClient.create(reports);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM auth_report_users_v1 u JOIN time_report_accounts_v1 a"
                                    + " ON a.user_id = CAST(u.id AS TEXT)")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            for (String write : WRITES) {
                Throwable refused = catchThrowable(() -> jdbc.sql(write).update());
                assertThat(refused).as(write).isInstanceOf(DataAccessException.class);
                // refused for being a write, not for some other reason the statement might have
                assertThat(((DataAccessException) refused)
                                .getMostSpecificCause()
                                .getMessage())
                        .as(write)
                        .containsIgnoringCase(database == TestDatabase.POSTGRESQL ? "read-only" : "readonly");
            }
            assertThat(business.time()
                            .sql("SELECT balance_seconds FROM accounts WHERE user_id = :u")
                            .param("u", ada)
                            .query(Long.class)
                            .single())
                    .isEqualTo(600);
        } finally {
            reports.close();
        }
    }
}
