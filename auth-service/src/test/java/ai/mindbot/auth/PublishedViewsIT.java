package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ServiceSchema;
import ai.mindbot.common.test.TestDatabase;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read views auth publishes for reporting keep their shape: the admin dashboard reads them
 * by these names and types. Changing one is a new view ({@code _v2}) beside it, never an edit.
 */
class PublishedViewsIT {

    private static DataSource migrated(TestDatabase database) {
        Map<String, String> properties = database.freshProperties();
        DataSource dataSource = ServiceSchema.dataSource(
                database,
                database == TestDatabase.POSTGRESQL ? properties.get("DATABASE_URL") : properties.get("AUTH_DB_PATH"));
        ServiceSchema.migrate("auth", database, dataSource);
        return dataSource;
    }

    @ParameterizedTest
    @MethodSource("ai.mindbot.common.test.TestDatabase#both")
    void publishesTheUsersWithoutTheirSecrets(TestDatabase database) {
        String id = database == TestDatabase.POSTGRESQL ? "bigint" : "integer";
        String text = database == TestDatabase.POSTGRESQL ? "character varying" : "text";
        String millis = database == TestDatabase.POSTGRESQL ? "bigint" : "integer";
        assertThat(ServiceSchema.columns(database, migrated(database), "auth_report_users_v1"))
                .containsExactly(
                        Map.entry("id", id),
                        Map.entry("email", text),
                        Map.entry("full_name", text),
                        Map.entry("created_at", millis),
                        Map.entry("disabled_at", millis));
    }
}
