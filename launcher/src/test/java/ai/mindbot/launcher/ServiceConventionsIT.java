package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One set of conventions across the three real services, as ./mindbot runs them: every time in an
 * answer is an integer of epoch milliseconds (a field named {@code *_at}), every refusal is
 * problem+json, and each service that takes an {@code Idempotency-Key} refuses a bad one the same
 * way. A new endpoint or service that drifts from these fails here, not in a client.
 */
class ServiceConventionsIT {

    /** Any time since 2001 is above this in milliseconds and far below it in seconds. */
    static final long EPOCH_MILLIS_2001 = 1_000_000_000_000L;

    static RunningSystem system;
    static String admin;
    static String user;
    static String userId;
    static String sessionId;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(RunningSystem.freshSettings(TestDatabase.SQLITE));
        admin = system.adminToken();
        Http.Response registered = system.auth.post(
                "/auth/register",
                Map.of("email", "conventions@example.com", "password", AuthServer.PASSWORD, "full_name", "Con"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        user = registered.json().get("access_token").asString();
        userId = system.auth.get("/auth/me", user).json().get("id").asString();
        Http.Response bought = system.time.post(
                "/time/purchase", Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa"), user);
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        Http.Response started = system.time.post("/time/sessions", Map.of("room_name", "room-conventions"), user);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        sessionId = started.json().get("session_id").asString();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyTimeInTheMainAnswersIsAnIntegerOfEpochMilliseconds() {
        Map<String, Http.Response> answers = new LinkedHashMap<>();
        answers.put("auth /auth/me", system.auth.get("/auth/me", user));
        answers.put("auth /auth/admin/users/{id}", system.auth.get("/auth/admin/users/" + userId, admin));
        answers.put("time /time/balance", system.time.get("/time/balance", user));
        answers.put("time /time/transactions", system.time.get("/time/transactions", user));
        answers.put("time /time/sessions", system.time.get("/time/sessions", user));
        answers.put("time /time/sessions/{id}", system.time.get("/time/sessions/" + sessionId, user));
        answers.put("time /time/admin/accounts/{id}", system.time.get("/time/admin/accounts/" + userId, admin));
        answers.put(
                "time POST /time/admin/grants",
                system.time.send(
                        "POST",
                        "/time/admin/grants",
                        Http.json(Map.of("user_id", userId, "seconds", 60, "reason", "conventions")),
                        admin,
                        Map.of("Idempotency-Key", "conventions-grant")));
        answers.put("admin /admin/dashboard", system.admin.get("/admin/dashboard", admin));
        answers.put("admin /admin/users", system.admin.get("/admin/users", admin));
        answers.put("admin /admin/users/{id}/report", system.admin.get("/admin/users/" + userId + "/report", admin));
        answers.put("admin /admin/audit", system.admin.get("/admin/audit", admin));

        TreeSet<String> seen = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer.body()).isBetween(200, 201);
            walk(answer.json(), "", (path, value) -> {
                String field = path.substring(path.lastIndexOf('.') + 1);
                if (!field.endsWith("_at") || value.isNull()) {
                    return;
                }
                seen.add(field);
                if (!value.isIntegralNumber() || value.asLong() < EPOCH_MILLIS_2001) {
                    wrong.add(what + " " + path + " = " + value);
                }
            });
        });
        assertThat(wrong).as("times that are not epoch milliseconds").isEmpty();
        // the walk found the times this system answers, so the check above is not vacuous
        assertThat(seen).contains("created_at", "started_at", "expires_at");
    }

    @Test
    void everyRefusalIsProblemJsonWhicheverServiceRefuses() {
        Map<String, Http.Response> refusals = new LinkedHashMap<>();
        refusals.put("auth without token", system.auth.get("/auth/me", null));
        refusals.put("auth bad body", system.auth.post("/auth/login", "{\"email\": "));
        refusals.put("auth unknown route", system.auth.get("/auth/nothing-here", user));
        refusals.put("auth user on admin route", system.auth.get("/auth/admin/users/" + userId, user));
        refusals.put("time without token", system.time.get("/time/balance", null));
        refusals.put("time bad body", system.time.post("/time/purchase", "{\"package_id\": ", user));
        refusals.put(
                "time unknown package",
                system.time.post(
                        "/time/purchase",
                        Map.of("package_id", "gold_999h", "payment_method_id", "pm_card_visa"),
                        user));
        refusals.put("time unknown session", system.time.get("/time/sessions/nope", user));
        refusals.put("time user on admin route", system.time.get("/time/admin/accounts/" + userId, user));
        refusals.put("admin without token", system.admin.get("/admin/dashboard", null));
        refusals.put("admin unknown user", system.admin.get("/admin/users/999999/report", admin));
        refusals.put("admin user on admin route", system.admin.get("/admin/dashboard", user));
        refusals.put("admin bad body", system.admin.post("/admin/users/" + userId + "/grant", "{\"seconds\": ", admin));

        refusals.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r.body()).isBetween(400, 499);
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            assertThat(r.json().path("status").asInt()).as(what).isEqualTo(r.status());
            assertThat(r.json().path("code").asString()).as(what).isNotBlank();
            assertThat(r.json().path("request_id").asString()).as(what).isEqualTo(r.header("x-request-id"));
        });
    }

    @Test
    void eachServiceThatTakesAnIdempotencyKeyRefusesABadOneTheSameWay() {
        String purchase = Http.json(Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa"));
        String grant = Http.json(Map.of("user_id", userId, "seconds", 60, "reason", "conventions"));
        String adminGrant = Http.json(Map.of("seconds", 60, "reason", "conventions"));
        long entriesBefore = entries();
        for (String bad : List.of("", "bad key with spaces", "k".repeat(256))) {
            Map<String, Http.Response> answers = new LinkedHashMap<>();
            Map<String, String> header = Map.of("Idempotency-Key", bad);
            answers.put("time /time/purchase", system.time.send("POST", "/time/purchase", purchase, user, header));
            answers.put(
                    "auth origin /time/purchase", system.auth.send("POST", "/time/purchase", purchase, user, header));
            answers.put(
                    "time /time/admin/grants", system.time.send("POST", "/time/admin/grants", grant, admin, header));
            answers.put(
                    "admin /admin/users/{id}/grant",
                    system.admin.send("POST", "/admin/users/" + userId + "/grant", adminGrant, admin, header));
            JsonNode first = null;
            for (Map.Entry<String, Http.Response> answer : answers.entrySet()) {
                Http.Response r = answer.getValue();
                String what = answer.getKey() + " with key \"" + bad + "\"";
                assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                assertThat(r.json().path("code").asString()).as(what).isEqualTo("invalid_idempotency_key");
                if (first == null) {
                    first = r.json();
                }
                assertThat(r.json().path("detail")).as(what).isEqualTo(first.path("detail"));
            }
        }
        assertThat(entries()).as("a refused key buys and grants nothing").isEqualTo(entriesBefore);
    }

    private static long entries() {
        return system.time.get("/time/transactions", user).json().path("total").asLong();
    }

    /** Calls {@code visit} with every field's dotted path and value, arrays included. */
    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                visit.accept(child, field.getValue());
                walk(field.getValue(), child, visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visit);
            }
        }
    }
}
