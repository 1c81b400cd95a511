package ai.mindbot.auth.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AppStack;
import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * {@code /time/**} on the auth service's origin reaches the real time service with headers and
 * bodies unchanged, both ways, on each database; a time service that is down is a problem+json 502.
 */
class TimeApiPassThroughIT extends OnBothDatabases {

    static AppStack stack;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        stack = AppStack.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        stack.close();
    }

    @Test
    void publicAnswersArriveByteForByte() {
        Http.Response passed = stack.app.get("/time/pricing");
        Http.Response direct = stack.direct.get("/time/pricing");

        assertThat(passed.status()).isEqualTo(200);
        assertThat(passed.body()).isEqualTo(direct.body()).contains("starter_1h");
        assertThat(passed.contentType()).isEqualTo(direct.contentType());
    }

    @Test
    void aPurchaseWithItsIdempotencyKeyIsCreditedOnceAndReplayedThroughTheAuthOrigin() {
        String token = stack.auth.registerNew().get("access_token").asString();
        Map<String, String> key = Map.of("Idempotency-Key", "webapp-" + System.nanoTime());
        String body = Http.json(Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa"));

        Http.Response bought = stack.app.send("POST", "/time/purchase", body, token, key);
        Http.Response replayed = stack.app.send("POST", "/time/purchase", body, token, key);

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        assertThat(bought.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(replayed.body()).isEqualTo(bought.body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true"); // a time-service header, relayed
        assertThat(AppStack.balanceSeconds(stack.app, token)).isEqualTo(3600);
        assertThat(AppStack.balanceSeconds(stack.direct, token)).isEqualTo(3600);
    }

    @Test
    void theRequestIdFollowsTheRequestIntoTheTimeService() {
        String token = stack.auth.registerNew().get("access_token").asString();
        Http.Response refused = stack.app.send(
                "GET", "/time/transactions?limit=0", null, token, Map.of("X-Request-Id", "trace-webapp-42"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("request_id").asString()).isEqualTo("trace-webapp-42"); // written by time
        assertThat(refused.header("X-Request-Id")).isEqualTo("trace-webapp-42"); // once, not twice
    }

    @Test
    void theTimeServiceJudgesTheTokenNotTheAuthService() {
        Http.Response none = stack.app.get("/time/balance");
        Http.Response forged = stack.app.get("/time/balance", "not.a.jwt");

        assertThat(none.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(none.body())
                .isEqualTo(stack.direct
                        .get("/time/balance")
                        .body()
                        .replaceAll(
                                "\"request_id\":\"[^\"]*\"",
                                "\"request_id\":\""
                                        + none.json().get("request_id").asString() + "\""));
    }

    @Test
    void pathsThatCouldMeanSomethingElseAreRefused() {
        for (String path : new String[] {"/time/pricing;x=1", "/time//pricing", "/time/a/../pricing"}) {
            Http.Response refused = stack.app.get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).as(path).isEqualTo("invalid_path");
        }
        // Tomcat decodes and normalises this one to /webhooks/stripe, which is not passed on at all:
        // the auth service answers it itself (the time service's webhook would say invalid_signature).
        Http.Response escaped = stack.app.send("POST", "/time/%2e%2e/webhooks/stripe", "{}", null, Map.of());
        assertThat(escaped.status()).isEqualTo(401);
        assertThat(escaped.json().get("code").asString()).isNotEqualTo("invalid_signature");
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedNotPassedOn() throws Exception {
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.origin() + "/time/purchase"))
                                .header("Content-Type", "application/json")
                                // no length: the JDK client sends it chunked, so only the streaming cap can stop it
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).contains("body_too_large");
    }

    @Test
    void aTimeServiceThatIsDownIsA502Problem() throws IOException {
        int closed = FreePort.pick();
        Map<String, String> properties = new HashMap<>(database.freshProperties());
        properties.put("TIME_SERVICE_URL", "http://127.0.0.1:" + closed);
        try (AuthServer lonely = AuthServer.startWith(properties)) {
            Http.Response down = lonely.http.get("/time/pricing");
            assertThat(down.status()).isEqualTo(502);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.json().get("code").asString()).isEqualTo("time_service_unavailable");
            assertThat(down.body()).doesNotContain("Exception");
        }
    }
}
