package ai.mindbot.time.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ApiContract;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.ServiceSettings;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.testing.HandMovedClock;
import ai.mindbot.time.testing.LiveKitSignatures;
import ai.mindbot.time.testing.OnBothDatabases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * LiveKit's webhooks end sessions. The webhooks are signed as livekit-server signs them
 * ({@link LiveKitSignatures}) and carry protojson bodies (lowerCamelCase, int64 as strings).
 */
@HandMovedClock
@ServiceSettings({"LIVEKIT_API_KEY=" + LiveKitWebhookIT.KEY, "LIVEKIT_API_SECRET=" + LiveKitWebhookIT.SECRET})
class LiveKitWebhookIT extends OnBothDatabases {

    static final String KEY = "lk-test-key";
    static final String SECRET = "lk-test-secret-that-is-long-enough-for-hs256";

    @AfterEach
    void theLedgerStillRebuildsEveryBalance() {
        assertThat(time.auditMismatches()).isEmpty();
    }

    static String signature(String body, String key, String secret) {
        return LiveKitSignatures.sign(body, key, secret);
    }

    static String event(String type, String room, String identity) {
        String participant = identity == null
                ? ""
                : ",\"participant\":{\"sid\":\"PA_" + identity + "\",\"identity\":\"" + identity
                        + "\",\"state\":\"DISCONNECTED\",\"joinedAt\":\"1767225600\"}";
        return "{\"event\":\"" + type + "\",\"room\":{\"sid\":\"RM_" + room + "\",\"name\":\"" + room
                + "\",\"creationTime\":\"1767225600\",\"numParticipants\":1}" + participant
                + ",\"id\":\"EV_" + java.util.UUID.randomUUID() + "\",\"createdAt\":\"1767225700\"}";
    }

    static Http.Response deliver(String body, String authorization) {
        Map<String, String> headers = authorization == null
                ? Map.of("Content-Type", "application/webhook+json")
                : Map.of("Content-Type", "application/webhook+json", "Authorization", authorization);
        return http.send("POST", "/webhooks/livekit", body, null, headers);
    }

    static String startFor(String userId, String room, String identity) {
        time.grant(userId, 600);
        Map<String, String> body = identity == null
                ? Map.of("room_name", room, "user_id", userId)
                : Map.of("room_name", room, "user_id", userId, "participant_identity", identity);
        Http.Response r = http.post("/time/sessions", body, Tokens.agent());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("session_id").asString();
    }

    static JsonNode session(String id) {
        return http.get("/time/sessions/" + id, Tokens.agent()).json();
    }

    @Test
    void participantLeftEndsThatParticipantsSessionsInThatRoom() throws Exception {
        String leaving = startFor("9001", "room-left", "user-9001");
        String byUserId = startFor("9001", "room-left", null);
        String staying = startFor("9002", "room-left", "user-9002");
        String elsewhere = startFor("9001", "room-other", "user-9001");
        time.clock.advance(Duration.ofSeconds(42));
        String body = event("participant_left", "room-left", "user-9001");

        Http.Response r = deliver(body, signature(body, KEY, SECRET));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("ended_sessions").asInt()).isEqualTo(2);
        assertThat(session(leaving).get("end_reason").asString()).isEqualTo("participant_left");
        assertThat(session(leaving).get("billed_seconds").asLong()).isEqualTo(42);
        assertThat(session(byUserId).get("status").asString()).isEqualTo("ended");
        assertThat(session(staying).get("status").asString()).isEqualTo("active");
        assertThat(session(elsewhere).get("status").asString()).isEqualTo("active");
        assertThat(time.storedBalance("9001")).isEqualTo(3 * 600 - 2 * 42); // three grants of 600, two sessions of 42 s

        Http.Response repeat = deliver(body, signature(body, KEY, SECRET));
        assertThat(repeat.json().get("ended_sessions").asInt()).isZero();
        assertThat(time.storedBalance("9001")).isEqualTo(3 * 600 - 2 * 42); // three grants of 600, two sessions of 42 s
    }

    @Test
    void roomFinishedEndsEverySessionInTheRoom() throws Exception {
        String a = startFor("9011", "room-done", "user-9011");
        String b = startFor("9012", "room-done", "user-9012");
        String body = event("room_finished", "room-done", null);

        Http.Response r = deliver(body, signature(body, KEY, SECRET));

        assertThat(r.status()).isEqualTo(200);
        assertThat(session(a).get("end_reason").asString()).isEqualTo("room_finished");
        assertThat(session(b).get("end_reason").asString()).isEqualTo("room_finished");
        assertThat(time.reserved("9011")).isZero();
    }

    @Test
    void refusesWebhooksNotSignedWithOurKeyOverThisBody() throws Exception {
        String live = startFor("9021", "room-forged", "user-9021");
        String body = event("room_finished", "room-forged", null);
        String otherBody = event("room_finished", "room-elsewhere", null);

        Http.Response wrongSecret = deliver(body, signature(body, KEY, "not-our-secret-not-our-secret-not-ours"));
        Http.Response wrongKey = deliver(body, signature(body, "someone-else", SECRET));
        Http.Response otherBodysSignature = deliver(body, signature(otherBody, KEY, SECRET));
        Http.Response unsigned = deliver(body, null);

        for (Http.Response r : new Http.Response[] {wrongSecret, wrongKey, otherBodysSignature, unsigned}) {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("invalid_signature");
        }
        assertThat(session(live).get("status").asString()).isEqualTo("active");
    }

    @Test
    void ignoresEventsThatDoNotTouchBilling() throws Exception {
        String live = startFor("9031", "room-busy", "user-9031");
        String body = event("participant_joined", "room-busy", "user-9031");

        Http.Response r = deliver(body, signature(body, KEY, SECRET));

        assertThat(r.status()).isEqualTo(200);
        assertThat(session(live).get("status").asString()).isEqualTo("active");
    }

    /** The answers the API document gives this webhook, as they really come (503: LiveKitUnconfiguredIT). */
    @Test
    void answersAsTheApiDocumentSays() {
        ApiContract contract = ApiContract.of(http);
        String body = event("participant_joined", "room-documented", "user-9041");
        String notAnEvent = "not a webhook event";
        contract.assertAnswer("POST", "/webhooks/livekit", ok(deliver(body, signature(body, KEY, SECRET))));
        contract.assertAnswer("POST", "/webhooks/livekit", problem(401, "invalid_signature", deliver(body, null)));
        contract.assertAnswer(
                "POST",
                "/webhooks/livekit",
                problem(400, "malformed_body", deliver(notAnEvent, signature(notAnEvent, KEY, SECRET))));
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static Http.Response problem(int status, String code, Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("code").asString()).isEqualTo(code);
        return r;
    }
}
