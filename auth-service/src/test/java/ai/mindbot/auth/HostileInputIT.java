package ai.mindbot.auth;

import static ai.mindbot.common.test.HostileValues.fields;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.HostileProbe;
import ai.mindbot.common.test.HostileValues;
import ai.mindbot.common.test.HostileValues.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every public and admin POST endpoint of the auth service, with generated hostile text in each
 * string field and in each path id: never a 5xx, every refusal problem+json, and a refusal writes
 * nothing (users, their update stamps, refresh tokens). Failed password checks are meant to be
 * counted (that is the guessing limit), so {@code auth_attempts} is not part of "nothing written".
 */
class HostileInputIT extends OnBothDatabases {

    private static final long SEED = 13;
    private static final List<Value> TEXTS = HostileValues.texts(SEED, 40);

    private record Endpoint(String path, String bearer, Supplier<Map<String, String>> fields) {}

    private HostileProbe probe() {
        JdbcClient db = server.bean(JdbcClient.class);
        return new HostileProbe(
                server.http,
                () -> List.of(
                        db.sql("SELECT COUNT(*) FROM users").query(Long.class).single(),
                        db.sql("SELECT COALESCE(SUM(updated_at), 0) FROM users")
                                .query(Long.class)
                                .single(),
                        db.sql("SELECT COUNT(*) FROM refresh_tokens")
                                .query(Long.class)
                                .single(),
                        db.sql(
                                        "SELECT COUNT(*) FROM refresh_tokens WHERE used_at IS NOT NULL OR revoked_at IS NOT NULL")
                                .query(Long.class)
                                .single()));
    }

    private static String text(String s) {
        return "\"" + s + "\"";
    }

    @Test
    void everyPostEndpointRefusesHostileTextCleanly() {
        JsonNode user = server.registerNew();
        String userToken = user.get("access_token").asString();
        String knownEmail =
                server.http.get("/auth/me", userToken).json().get("email").asString();
        String target = server.registerNew().get("access_token").asString();
        String targetId = server.http.get("/auth/me", target).json().get("id").asString();
        String admin = server.adminToken();

        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "/auth/register",
                        null,
                        () -> fields(
                                "email",
                                text(AuthServer.newEmail()),
                                "password",
                                text(AuthServer.PASSWORD),
                                "full_name",
                                text("Hostile Test"))),
                new Endpoint(
                        "/auth/login",
                        null,
                        () -> fields("email", text(knownEmail), "password", text("not the password"))),
                new Endpoint("/auth/refresh", null, () -> fields("refresh_token", text("no-such-token"))),
                new Endpoint("/auth/logout", userToken, () -> fields("refresh_token", text("no-such-token"))),
                // the current password is wrong, so no request here can change the password
                new Endpoint(
                        "/auth/password",
                        userToken,
                        () -> fields(
                                "current_password",
                                text("not the password"),
                                "new_password",
                                text("another long password"))),
                new Endpoint(
                        "/auth/token",
                        userToken,
                        () -> fields("room_name", text("hostile-room"), "participant_name", text("P"))),
                new Endpoint("/auth/guest", null, () -> fields("participant_name", text("Guest"))),
                new Endpoint("/auth/service-token", null, () -> fields("api_key", text("not-the-key"))),
                new Endpoint("/auth/admin/users/" + targetId + "/disable", admin, () -> fields("reason", text("r"))));

        HostileProbe probe = probe();
        for (Endpoint endpoint : endpoints) {
            // no field takes only integers here, so a number in any field may be taken as its text
            probe.postEachField(endpoint.path(), endpoint.bearer(), endpoint.fields(), TEXTS, Set.of(), false);
        }
        for (Value value : TEXTS) {
            for (String action : new String[] {"disable", "enable"}) {
                String path = "/auth/admin/users/" + HostileValues.pathSegment(value) + "/" + action;
                probe.send("POST " + path + " id = " + value.label(), "POST", path, "{\"reason\":\"r\"}", admin, true);
            }
        }

        assertThat(probe.violations())
                .as("of " + probe.requests() + " requests")
                .isEmpty();
        assertThat(probe.requests()).isGreaterThan(800);
    }
}
