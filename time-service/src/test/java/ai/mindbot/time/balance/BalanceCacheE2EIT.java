package ai.mindbot.time.balance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RedisServer;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.ledger.NewEntry;
import ai.mindbot.time.testing.TimeService;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two time-service instances on one PostgreSQL with {@code BALANCE_CACHE=redis} on a real
 * redis-server: whatever changes a balance through one instance shows at once through the other's
 * cache, and Redis going away breaks neither purchases nor balance reads.
 */
@Tag("e2e")
class BalanceCacheE2EIT {

    private static final AtomicInteger USERS = new AtomicInteger();

    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    private TimeService a;
    private TimeService b;
    private String user;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        Map<String, String> cached = new HashMap<>(Map.of(
                "REDIS_URL",
                redis.url(),
                "BALANCE_CACHE",
                "redis",
                "BALANCE_CACHE_TTL_SECONDS",
                "3600")); // an hour: nothing in these tests is fixed by the TTL
        a = TimeService.start(TestDatabase.POSTGRESQL, cached);
        cached.put("DATABASE_URL", a.service.context().getEnvironment().getProperty("DATABASE_URL"));
        b = TimeService.start(TestDatabase.POSTGRESQL, cached);
        user = "cache-" + USERS.incrementAndGet();
    }

    @AfterEach
    void stop() {
        assertThat(a.bean(LedgerAudit.class).mismatches()).isEmpty();
        a.close();
        b.close();
    }

    @Test
    void bReadsFromTheCacheUntilSomethingIsCommitted() {
        assertThat(balance(b).path("balance_seconds").asLong()).isZero();
        // behind the services' backs: the cache does not see this, and B keeps answering from it
        jdbc().sql("UPDATE accounts SET balance_seconds = 77 WHERE user_id = :u")
                .param("u", user)
                .update();
        assertThat(balance(b).path("balance_seconds").asLong()).isZero();
        assertThat(b.http.get("/metrics").body())
                .containsPattern("mindbot_balance_cache_total\\{result=\"hit\"} [1-9]");
    }

    @Test
    void aPurchaseThroughAShowsAtOnceThroughB() {
        assertThat(balance(b).path("balance_seconds").asLong()).isZero(); // cached in Redis now

        Http.Response bought = a.purchase(user, "basic_5h", "pm_card_visa");

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        assertThat(balance(b).path("balance_seconds").asLong()).isEqualTo(18000);
    }

    @Test
    void grantsAndSessionsThroughAShowAtOnceThroughB() {
        a.bean(Ledger.class).post(NewEntry.of(user, EntryKind.ADMIN_GRANT, 3600, Cause.adminAction("grant-" + user)));
        assertThat(balance(b).path("balance_seconds").asLong()).isEqualTo(3600);

        Http.Response started = a.http.post("/time/sessions", Map.of("room_name", "room-" + user), Tokens.user(user));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode during = balance(b);
        assertThat(during.path("active_sessions").asLong()).isEqualTo(1);
        assertThat(during.path("reserved_seconds").asLong())
                .isEqualTo(truth("reserved_seconds"))
                .isPositive();

        String session = started.json().path("session_id").asString();
        assertThat(a.http.post("/time/sessions/" + session + "/end", Map.of(), Tokens.user(user))
                        .status())
                .isEqualTo(200);
        JsonNode after = balance(b);
        assertThat(after.path("active_sessions").asLong()).isZero();
        assertThat(after.path("reserved_seconds").asLong()).isZero();
        assertThat(after.path("balance_seconds").asLong()).isEqualTo(truth("balance_seconds"));
    }

    @Test
    void withRedisGoneAPurchaseStillSucceedsAndBothInstancesReadTheDatabase() {
        assertThat(balance(b).path("balance_seconds").asLong()).isZero();
        redis.stop();
        try {
            Http.Response bought = a.purchase(user, "starter_1h", "pm_card_visa");
            assertThat(bought.status()).as(bought.body()).isEqualTo(200);
            assertThat(balance(b).path("balance_seconds").asLong()).isEqualTo(3600);
            assertThat(balance(a).path("balance_seconds").asLong()).isEqualTo(3600);
        } finally {
            redis.restart();
        }
        assertThat(balance(b).path("balance_seconds").asLong()).isEqualTo(3600);
    }

    @Test
    void aDropThatCouldNotReachRedisIsDoneOnceItAnswers() {
        assertThat(balance(b).path("balance_seconds").asLong()).isZero(); // cached
        // Redis keeps its data but answers nobody for a while: A's drop after the purchase times out
        redis.command("CLIENT PAUSE 3000 ALL");
        Http.Response bought = a.purchase(user, "starter_1h", "pm_card_visa");
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);

        awaitGone("mindbot:time:balance:" + user); // only A's remembered drop removes it (the TTL is an hour)
        assertThat(balance(b).path("balance_seconds").asLong()).isEqualTo(3600);
    }

    private void awaitGone(String key) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (redis.command("EXISTS " + key).equals(":0\r\n")) {
                    return;
                }
            } catch (UncheckedIOException paused) {
                // still paused: our own question waits too
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(key + " is still cached a minute after Redis came back");
    }

    private JsonNode balance(TimeService instance) {
        Http.Response response = instance.http.get("/time/balance", Tokens.user(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long truth(String column) {
        return jdbc().sql("SELECT " + column + " FROM accounts WHERE user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private JdbcClient jdbc() {
        return a.bean(JdbcClient.class);
    }
}
