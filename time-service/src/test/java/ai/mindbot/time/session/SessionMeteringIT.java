package ai.mindbot.time.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.db.SqlDialect;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.ServiceSettings;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.testing.HandMovedClock;
import ai.mindbot.time.testing.LiveKitSignatures;
import ai.mindbot.time.testing.OnBothDatabases;
import ai.mindbot.time.testing.TimeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Reserve, commit, release over real HTTP on SQLite and PostgreSQL (slice 60 s, minimum 30 s, grace 15 s). */
@HandMovedClock
@ServiceSettings({"SESSION_SLICE_SECONDS=60", "SESSION_MIN_START_SECONDS=30", "SESSION_GRACE_SECONDS=15"})
class SessionMeteringIT extends OnBothDatabases {

    @AfterEach
    void theLedgerStillRebuildsEveryBalance() {
        assertThat(time.auditMismatches()).isEmpty();
    }

    private static Http.Response startAs(String token, String room) {
        return http.post("/time/sessions", Map.of("room_name", room), token);
    }

    private static String started(String userId, String room) {
        Http.Response r = startAs(Tokens.user(userId), room);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("session_id").asString();
    }

    private static JsonNode heartbeat(String userId, String sessionId) {
        Http.Response r = http.post("/time/sessions/" + sessionId + "/heartbeat", "", Tokens.user(userId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void startReservesAFullSliceAndShowsTheSession() {
        time.grant("u-start", 3600);
        long expectedExpiry = time.clock.instant().plusSeconds(60 + 15).toEpochMilli();

        Http.Response r = startAs(Tokens.user("u-start"), "room-start");

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("granted_seconds").asLong()).isEqualTo(60);
        assertThat(body.get("balance_seconds").asLong()).isEqualTo(3600);
        assertThat(body.get("expires_at").asLong()).isEqualTo(expectedExpiry);
        assertThat(time.reserved("u-start")).isEqualTo(60);
        String id = body.get("session_id").asString();
        JsonNode shown =
                http.get("/time/sessions/" + id, Tokens.user("u-start")).json();
        assertThat(shown.get("status").asString()).isEqualTo("active");
        assertThat(shown.get("room_name").asString()).isEqualTo("room-start");
        assertThat(shown.get("granted_seconds").asLong()).isEqualTo(60);
    }

    @Test
    void heartbeatCommitsTheSecondsUsedAndReservesTheNextSlice() {
        time.grant("u-beat", 3600);
        String id = started("u-beat", "room-beat");
        time.clock.advance(Duration.ofMillis(20_500));

        JsonNode beat = heartbeat("u-beat", id);

        assertThat(beat.get("granted_seconds").asLong()).isEqualTo(60);
        assertThat(beat.get("remaining_seconds").asLong()).isEqualTo(3600 - 21);
        assertThat(beat.get("final_slice").asBoolean()).isFalse();
        assertThat(beat.get("low_balance").asBoolean()).isFalse();
        assertThat(time.storedBalance("u-beat")).isEqualTo(3600 - 21);
        assertThat(time.reserved("u-beat")).isEqualTo(60);
        assertThat(time.jdbc()
                        .sql("SELECT cause_id FROM ledger_entries WHERE user_id = 'u-beat' AND kind = 'session_usage'")
                        .query(String.class)
                        .list())
                .containsExactly(id + "#1");

        time.clock.advance(Duration.ofMillis(9_500)); // 30 s in all: the half second already paid is not billed again
        heartbeat("u-beat", id);
        assertThat(time.storedBalance("u-beat")).isEqualTo(3600 - 30);
    }

    @Test
    void warnsOfTheFinalSliceWhenLessThanASliceIsLeft() {
        time.grant("u-final", 100);
        String id = started("u-final", "room-final");
        time.clock.advance(Duration.ofSeconds(50));

        JsonNode beat = heartbeat("u-final", id);

        assertThat(beat.get("granted_seconds").asLong()).isEqualTo(50);
        assertThat(beat.get("final_slice").asBoolean()).isTrue();
        assertThat(beat.get("low_balance").asBoolean()).isTrue();
        assertThat(time.reserved("u-final")).isEqualTo(50);
    }

    @Test
    void endsTheSessionWhenAHeartbeatFindsNothingLeftToReserve() {
        time.grant("u-empty", 40);
        String id = started("u-empty", "room-empty");
        time.clock.advance(Duration.ofSeconds(40));

        JsonNode beat = heartbeat("u-empty", id);

        assertThat(beat.get("granted_seconds").asLong()).isZero();
        assertThat(beat.get("status").asString()).isEqualTo("ended");
        assertThat(time.storedBalance("u-empty")).isZero();
        assertThat(time.reserved("u-empty")).isZero();
        Http.Response again = http.post("/time/sessions/" + id + "/heartbeat", "", Tokens.user("u-empty"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("session_ended");
        // one "status" member, the HTTP status; the session's own state has a name of its own
        assertThat(again.body().split("\"status\"", -1)).hasSize(2);
        assertThat(again.json().get("status").asInt()).isEqualTo(409);
        assertThat(again.json().get("session_status").asString()).isEqualTo("ended");
    }

    @Test
    void endingTwiceBillsOnce() {
        time.grant("u-end", 600);
        String id = started("u-end", "room-end");
        time.clock.advance(Duration.ofMillis(12_300));

        Http.Response first = http.post("/time/sessions/" + id + "/end", "", Tokens.user("u-end"));
        Http.Response second = http.post("/time/sessions/" + id + "/end", "", Tokens.user("u-end"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("billed_seconds").asLong()).isEqualTo(13);
        assertThat(first.json().get("balance_seconds").asLong()).isEqualTo(600 - 13);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("billed_seconds").asLong()).isEqualTo(13);
        assertThat(time.storedBalance("u-end")).isEqualTo(600 - 13);
        assertThat(time.reserved("u-end")).isZero();
        Http.Response late = http.post("/time/sessions/" + id + "/heartbeat", "", Tokens.user("u-end"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
    }

    @Test
    void parallelStartsNeverReserveMoreThanTheBalance() throws Exception {
        time.grant("u-race", 100);
        List<Callable<Http.Response>> starts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            starts.add(() -> startAs(Tokens.user("u-race"), "room-race-" + n));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        long granted = 0;
        int succeeded = 0;
        for (Future<Http.Response> f : pool.invokeAll(starts)) {
            Http.Response r = f.get();
            assertThat(r.status()).as(r.body()).isIn(201, 402);
            if (r.status() == 201) {
                succeeded++;
                granted += r.json().get("granted_seconds").asLong();
            }
        }
        pool.shutdown();

        assertThat(succeeded).isBetween(1, 3);
        assertThat(granted).isLessThanOrEqualTo(100);
        assertThat(time.reserved("u-race")).isEqualTo(granted).isLessThanOrEqualTo(time.storedBalance("u-race"));
        assertThat(time.jdbc()
                        .sql("SELECT COALESCE(SUM(reserved_seconds), 0) FROM voice_sessions WHERE user_id = 'u-race'")
                        .query(Long.class)
                        .single())
                .isEqualTo(granted);
    }

    @Test
    void parallelHeartbeatsAndEndsOfOneUserKeepReservationsWithinTheBalance() throws Exception {
        time.grant("u-busy", 1000);
        List<String> ids =
                List.of(started("u-busy", "room-b1"), started("u-busy", "room-b2"), started("u-busy", "room-b3"));
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = ids.get(i % 3);
            boolean end = i >= 27;
            work.add(() -> {
                time.clock.advance(Duration.ofMillis(700));
                return http.post("/time/sessions/" + id + (end ? "/end" : "/heartbeat"), "", Tokens.user("u-busy"))
                        .status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (Future<Integer> f : pool.invokeAll(work)) {
            assertThat(f.get()).isIn(200, 409);
        }
        pool.shutdown();
        for (String id : ids) {
            http.post("/time/sessions/" + id + "/end", "", Tokens.user("u-busy"));
        }

        long billed = time.jdbc()
                .sql("SELECT SUM(used_seconds) FROM voice_sessions WHERE user_id = 'u-busy'")
                .query(Long.class)
                .single();
        assertThat(time.storedBalance("u-busy")).isEqualTo(1000 - billed);
        assertThat(time.reserved("u-busy")).isZero();
    }

    @Test
    void anotherUsersSessionIsNotFoundOnEveryEndpoint() {
        time.grant("u-owner", 600);
        String id = started("u-owner", "room-private");
        String stranger = Tokens.user("u-stranger");

        assertThat(http.get("/time/sessions/" + id, stranger).status()).isEqualTo(404);
        assertThat(http.post("/time/sessions/" + id + "/heartbeat", "", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/time/sessions/" + id + "/end", "", stranger).status())
                .isEqualTo(404);
        assertThat(http.get("/time/sessions", stranger).json().get("total").asLong())
                .isZero();
        assertThat(http.get("/time/sessions/" + id, Tokens.user("u-owner"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("active");
    }

    @Test
    void theAgentStartsAndRunsASessionForANamedUser() {
        time.grant("u-agented", 600);

        Http.Response r = http.post(
                "/time/sessions",
                Map.of("room_name", "room-agent", "user_id", "u-agented", "participant_identity", "user-u-agented"),
                Tokens.agent());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("session_id").asString();
        assertThat(http.get("/time/sessions", Tokens.user("u-agented"))
                        .json()
                        .get("sessions")
                        .get(0)
                        .get("session_id")
                        .asString())
                .isEqualTo(id);
        time.clock.advance(Duration.ofSeconds(5));
        assertThat(http.post("/time/sessions/" + id + "/heartbeat", "", Tokens.agent())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/time/sessions", Map.of("room_name", "r"), Tokens.agent())
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("user_id_required");
        assertThat(http.post("/time/sessions", Map.of("room_name", "r", "user_id", "u-agented"), Tokens.user("u-other"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesToStartBelowTheMinimumAndReservesNothing() {
        time.grant("u-poor", 29);

        Http.Response r = startAs(Tokens.user("u-poor"), "room-poor");
        Http.Response nobody = startAs(Tokens.user("u-never-paid"), "room-poor");

        assertThat(r.status()).isEqualTo(402);
        assertThat(r.json().get("code").asString()).isEqualTo("insufficient_balance");
        assertThat(r.json().get("available_seconds").asLong()).isEqualTo(29);
        assertThat(nobody.status()).isEqualTo(402);
        assertThat(time.reserved("u-poor")).isZero();
    }

    @Test
    void refusesADisabledAccount() {
        time.grant("u-disabled", 600);
        time.jdbc()
                .sql("UPDATE accounts SET disabled = TRUE WHERE user_id = 'u-disabled'")
                .update();

        Http.Response r = startAs(Tokens.user("u-disabled"), "room-x");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("account_disabled");
    }

    @Test
    void theSweeperSettlesAnAbandonedSessionAtNoMoreThanItsReservation() {
        time.grant("u-gone", 3600);
        String id = started("u-gone", "room-gone");
        time.clock.advance(Duration.ofSeconds(10));
        heartbeat("u-gone", id); // 10 s billed, the next 60 held
        time.clock.advance(Duration.ofSeconds(74)); // not lapsed yet: 60 s held + 15 s grace

        assertThat(time.bean(SessionSweeper.class).sweep()).isZero();
        time.clock.advance(Duration.ofSeconds(600)); // the agent crashed long ago
        int settled = time.bean(SessionSweeper.class).sweep();

        assertThat(settled).isEqualTo(1);
        JsonNode session =
                http.get("/time/sessions/" + id, Tokens.user("u-gone")).json();
        assertThat(session.get("status").asString()).isEqualTo("expired");
        assertThat(session.get("end_reason").asString()).isEqualTo("reservation_lapsed");
        assertThat(session.get("billed_seconds").asLong()).isEqualTo(10 + 60);
        assertThat(time.storedBalance("u-gone")).isEqualTo(3600 - 70);
        assertThat(time.reserved("u-gone")).isZero();
        assertThat(http.post("/time/sessions/" + id + "/end", "", Tokens.user("u-gone"))
                        .json()
                        .get("billed_seconds")
                        .asLong())
                .isEqualTo(70);
    }

    @Test
    void aLateHeartbeatBillsAtMostTheReservation() {
        time.grant("u-late", 3600);
        String id = started("u-late", "room-late");
        time.clock.advance(Duration.ofSeconds(72)); // past the 60 s held, inside the grace

        heartbeat("u-late", id);

        assertThat(time.storedBalance("u-late")).isEqualTo(3600 - 60);
    }

    @Test
    void listsTheUsersSessionsNewestFirstInPages() {
        time.grant("u-list", 3600);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(started("u-list", "room-list-" + i));
            time.clock.advance(Duration.ofSeconds(31));
            http.post("/time/sessions/" + ids.get(i) + "/end", "", Tokens.user("u-list"));
        }
        String token = Tokens.user("u-list");

        JsonNode first = http.get("/time/sessions?limit=2", token).json();
        JsonNode second = http.get("/time/sessions?limit=2&offset=2", token).json();

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("sessions").get(0).get("session_id").asString()).isEqualTo(ids.get(2));
        assertThat(first.get("sessions").get(1).get("session_id").asString()).isEqualTo(ids.get(1));
        assertThat(second.get("sessions").size()).isEqualTo(1);
        assertThat(second.get("sessions").get(0).get("billed_seconds").asLong()).isEqualTo(31);
        for (String bad : List.of("limit=0", "limit=101", "offset=-1", "limit=abc")) {
            Http.Response r = http.get("/time/sessions?" + bad, token);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anAdminEndsALiveSession() {
        time.grant("u-admin-ended", 600);
        String id = started("u-admin-ended", "room-admin");
        time.clock.advance(Duration.ofSeconds(8));

        Http.Response asUser =
                http.post("/time/admin/sessions/" + id + "/end", Map.of("reason", "x"), Tokens.user("u-admin-ended"));
        Http.Response noReason =
                http.post("/time/admin/sessions/" + id + "/end", Map.of(), Tokens.admin("a1", "a1@example.com"));
        Http.Response r = http.post(
                "/time/admin/sessions/" + id + "/end",
                Map.of("reason", "abuse report #12"),
                Tokens.admin("a1", "a1@example.com"));

        assertThat(asUser.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("billed_seconds").asLong()).isEqualTo(8);
        assertThat(http.get("/time/sessions/" + id, Tokens.user("u-admin-ended"))
                        .json()
                        .get("end_reason")
                        .asString())
                .isEqualTo("admin");
        assertThat(time.jdbc()
                        .sql(
                                "SELECT actor FROM ledger_entries WHERE user_id = 'u-admin-ended' AND kind = 'session_usage'")
                        .query(String.class)
                        .single())
                .isEqualTo("a1");
    }

    @Test
    void rejectsBadRequestsWithProblems() {
        Http.Response noRoom = http.post("/time/sessions", Map.of(), Tokens.user("u-bad"));
        Http.Response anonymous = http.post("/time/sessions", Map.of("room_name", "r"), null);
        Http.Response unknown = http.post("/time/sessions/vs_nope/heartbeat", "", Tokens.user("u-bad"));

        assertThat(noRoom.status()).isEqualTo(400);
        assertThat(noRoom.json().get("code").asString()).isEqualTo("validation_failed");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aHeartbeatWritesTheBalanceRowOnceWhateverTheTalkLasted() {
        time.grant("u-writes", 3600);
        String id = started("u-writes", "room-writes");
        long before = accountRowWrites("u-writes");

        for (int minute = 0; minute < 10; minute++) { // ten minutes of talk, a heartbeat a minute
            time.clock.advance(Duration.ofSeconds(60));
            heartbeat("u-writes", id);
        }

        assertThat(accountRowWrites("u-writes") - before).isEqualTo(10); // not 600
        assertThat(time.storedBalance("u-writes")).isEqualTo(3600 - 600);
    }

    @Test
    void theDevelopmentKeyPairVerifiesLiveKitWebhooksWhenNoneIsConfigured() {
        time.grant("u-devkey", 600);
        String id = started("u-devkey", "room-devkey");
        String body = "{\"event\":\"room_finished\",\"room\":{\"name\":\"room-devkey\"}}";

        Http.Response r =
                http.send("POST", "/webhooks/livekit", body, null, LiveKitSignatures.developmentWebhookHeaders(body));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(http.get("/time/sessions/" + id, Tokens.user("u-devkey"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ended");
    }

    /** How many times the user's accounts row was written, counted by a trigger this test installs. */
    private static long accountRowWrites(String userId) {
        installWriteCounter();
        return time.jdbc()
                .sql("SELECT writes FROM test_account_writes WHERE user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private static TimeService countingWritesOn;

    private static synchronized void installWriteCounter() {
        if (countingWritesOn == time) {
            return;
        }
        var jdbc = time.bean(JdbcTemplate.class);
        jdbc.execute("CREATE TABLE test_account_writes (user_id TEXT PRIMARY KEY, writes BIGINT NOT NULL)");
        if (time.bean(SqlDialect.class) == SqlDialect.SQLITE) {
            jdbc.execute("""
                    CREATE TRIGGER count_account_writes AFTER UPDATE ON accounts
                    BEGIN
                      INSERT INTO test_account_writes (user_id, writes) VALUES (NEW.user_id, 1)
                      ON CONFLICT (user_id) DO UPDATE SET writes = writes + 1;
                    END""");
        } else {
            jdbc.execute("""
                    CREATE FUNCTION count_account_writes() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO test_account_writes (user_id, writes) VALUES (NEW.user_id, 1)
                      ON CONFLICT (user_id) DO UPDATE SET writes = test_account_writes.writes + 1;
                      RETURN NEW;
                    END $$""");
            jdbc.execute("""
                    CREATE TRIGGER count_account_writes AFTER UPDATE ON accounts
                    FOR EACH ROW EXECUTE FUNCTION count_account_writes()""");
        }
        countingWritesOn = time;
    }
}
