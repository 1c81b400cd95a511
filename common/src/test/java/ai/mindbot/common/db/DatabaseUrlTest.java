package ai.mindbot.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void turnsAPostgresUrlIntoJdbcWithDecodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://mindbot:p%40ss@db.internal/mindbot?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/mindbot?sslmode=require");
        assertThat(url.username()).isEqualTo("mindbot");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void passesJdbcUrlsThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:6543/x").jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/x");
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
