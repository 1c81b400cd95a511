package ai.mindbot.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ai.mindbot.admin.db.ReportsDatabase;
import ai.mindbot.common.db.SqlDialect;

/** The admin reads "disabled" from whichever column the auth users table has: disabled_at (auth's schema) or disabled (the first contract). */
class AuthUsersTableIT {

    private static String disabledColumnOf(String createUsers) throws Exception {
        Path file = Files.createTempFile("auth-users-", ".db");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + file));
        jdbc.sql(createUsers).update();
        return new AuthUsersTable(new ReportsDatabase(jdbc, SqlDialect.SQLITE)).disabledColumn();
    }

    @Test
    void readsDisabledAtWhenTheAuthSchemaHasIt() throws Exception {
        assertThat(disabledColumnOf("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, created_at INTEGER,"
                + " disabled_at INTEGER, disabled_reason TEXT)")).isEqualTo("disabled_at");
    }

    @Test
    void readsADisabledFlagWhenThatIsWhatThereIs() throws Exception {
        assertThat(disabledColumnOf("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, created_at INTEGER,"
                + " disabled INTEGER NOT NULL DEFAULT 0)")).isEqualTo("disabled");
    }

    @Test
    void treatsEveryoneAsEnabledWithoutEither() throws Exception {
        assertThat(disabledColumnOf("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, created_at INTEGER)"))
                .isEqualTo("NULL");
    }

    @Test
    void flagsAreTrueAsEachDatabaseStoresThem() {
        assertThat(Truthy.of(null)).isFalse();
        assertThat(Truthy.of(0)).isFalse();
        assertThat(Truthy.of(false)).isFalse();
        assertThat(Truthy.of(1)).isTrue();
        assertThat(Truthy.of(true)).isTrue();
        assertThat(Truthy.of(1767225600000L)).isTrue();
    }
}
