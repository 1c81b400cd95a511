package ai.mindbot.time.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.support.TestTokens;
import ai.mindbot.time.support.TimeServiceUnderTest;

/** The sweeper on its own schedule (every second here), and its turn-taking lock on PostgreSQL. */
@ParameterizedClass
@MethodSource("ai.mindbot.common.test.TestDatabase#both")
class SessionSweeperIT {

    @Parameter
    TestDatabase database;

    static TimeServiceUnderTest time;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        time = TimeServiceUnderTest.start(database, Map.of("SESSION_SWEEP_SECONDS", "1"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        time.close();
    }

    static String abandonedSession(String userId) {
        time.grant(userId, 600);
        Http.Response r = time.http.post("/time/sessions", Map.of("room_name", "room-" + userId), TestTokens.user(userId));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("session_id").asString();
    }

    static String status(String userId, String id) {
        return time.http.get("/time/sessions/" + id, TestTokens.user(userId)).json().get("status").asString();
    }

    @Test
    void settlesAnAbandonedSessionOnItsSchedule() {
        String id = abandonedSession("8001");
        time.clock.advance(Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(15)).until(() -> status("8001", id).equals("expired"));

        assertThat(time.balance("8001")).isEqualTo(600 - 60);
        assertThat(time.reserved("8001")).isZero();
        assertThat(time.auditMismatches()).isEmpty();
    }

    @Test
    void takesTurnsWithOtherInstancesOnPostgresql() throws Exception {
        String id = abandonedSession("8002");
        if (database == TestDatabase.SQLITE) {
            // one file, one machine: IMMEDIATE transactions already serialize writers, so there is no lock to wait for
            time.clock.advance(Duration.ofMinutes(5));
            assertThat(time.bean(SessionSweeper.class).sweep()).isBetween(0, 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> status("8002", id).equals("expired"));
            return;
        }
        try (Connection other = time.bean(DataSource.class).getConnection()) {
            lock(other, "SELECT pg_advisory_lock(?)"); // another instance is sweeping
            time.clock.advance(Duration.ofMinutes(5));

            assertThat(time.bean(SessionSweeper.class).sweep()).isEqualTo(-1);
            assertThat(status("8002", id)).isEqualTo("active");

            lock(other, "SELECT pg_advisory_unlock(?)");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> status("8002", id).equals("expired"));
        assertThat(time.balance("8002")).isEqualTo(600 - 60);
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, SessionSweeper.LOCK_KEY);
            statement.execute();
        }
    }
}
