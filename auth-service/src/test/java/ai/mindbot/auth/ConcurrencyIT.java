package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ServiceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Races the database settles, not the code: many requests at once for the same email, the same
 * refresh token, the same account's guesses. Each rule holds by a unique index or a conditional UPDATE.
 */
@ServiceSettings({"AUTH_RATE_LOGIN_PER_ACCOUNT=3", "AUTH_RATE_LOGIN_PER_ADDRESS=0", "AUTH_RATE_REGISTER_PER_ADDRESS=0"})
class ConcurrencyIT extends OnBothDatabases {

    private static final int RACERS = 12;

    @Test
    void oneEmailGetsOneAccountHoweverManyRegisterAtOnce() throws Exception {
        String email = AuthServer.newEmail();
        List<Integer> statuses = race(() -> server.http
                .post("/auth/register", Map.of("email", email, "password", AuthServer.PASSWORD, "full_name", "Racer"))
                .status());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(RACERS - 1);
    }

    @Test
    void aRefreshTokenIsSpentOnceHoweverManyUseItAtOnce() throws Exception {
        String refreshToken = server.registerNew().get("refresh_token").asString();
        List<Integer> statuses = race(() -> server.http
                .post("/auth/refresh", Map.of("refresh_token", refreshToken))
                .status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(RACERS - 1);
    }

    @Test
    void simultaneousGuessesGetNoMoreTriesThanTheLimit() throws Exception {
        String email = AuthServer.newEmail();
        server.register(email);
        List<Integer> statuses = race(() -> server.http
                .post("/auth/login", Map.of("email", email, "password", "a wrong guess"))
                .status());
        assertThat(statuses).filteredOn(s -> s == 401).hasSizeLessThanOrEqualTo(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(RACERS - 3);
        // racers that count at once may all see the limit passed and refuse each other (DatabaseAttempts
        // inserts, then counts): zero 401s is allowed, a 401 beyond the limit or any other answer is not
        assertThat(statuses).isSubsetOf(401, 429);
    }

    /** Runs the call RACERS times at once and returns every result. */
    private static <T> List<T> race(Callable<T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<T>> futures = IntStream.range(0, RACERS)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return call.call();
                    }))
                    .toList();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
