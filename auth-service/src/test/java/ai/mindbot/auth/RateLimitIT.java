package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.ratelimit.LoginThrottle;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.ServiceSettings;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Small limits so the tests reach them; the counters live in the database. One server for the tests
 * that use distinct accounts and addresses; counters never overlap.
 */
@ServiceSettings({
    "AUTH_RATE_LOGIN_PER_ACCOUNT=3",
    "AUTH_RATE_LOGIN_PER_ADDRESS=5",
    "AUTH_RATE_REGISTER_PER_ADDRESS=4",
    "AUTH_RATE_GUEST_PER_ADDRESS=2",
    "AUTH_RATE_LOGIN_SLOWDOWN_STEP_MILLIS=300",
    "AUTH_RATE_LOGIN_SLOWDOWN_MAX_MILLIS=600",
    "TRUST_PROXY=true"
})
class RateLimitIT extends OnBothDatabases {

    @Test
    void failedLoginsForOneAccountFromOneAddressAreCutOffWithRetryAfter() {
        String email = AuthServer.newEmail();
        registerFrom(server, email);
        for (int i = 0; i < 3; i++) {
            assertThat(server.loginFrom(email, "wrong password " + i, "10.0.0.1")
                            .status())
                    .isEqualTo(401);
        }

        // from that address, even the right password waits: whoever is there has been guessing
        Http.Response limited = server.loginFrom(email, AuthServer.PASSWORD, "10.0.0.1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("rate_limited");
        long retryAfter = Long.parseLong(limited.header("retry-after"));
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(limited.json().get("retry_after_seconds").asLong()).isEqualTo(retryAfter);

        assertThat(server.http.get("/metrics").body())
                .contains("mindbot_auth_rate_limited_total{bucket=\"login_account_address\"}")
                .contains("mindbot_auth_attempts_total{action=\"login\",outcome=\"invalid_credentials\"}");

        // other accounts are unaffected
        String other = AuthServer.newEmail();
        registerFrom(server, other);
        assertThat(server.loginFrom(other, AuthServer.PASSWORD, "10.0.0.99").status())
                .isEqualTo(200);
    }

    @Test
    void guessesFromElsewhereNeverLockTheOwnerOutTheyOnlySlowTheAccountDown() {
        String email = AuthServer.newEmail();
        registerFrom(server, email);
        // an attacker who knows the email, from several addresses, until each is refused
        for (String attacker : new String[] {"10.9.1.1", "10.9.1.2"}) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.loginFrom(email, "guess " + i, attacker).status())
                        .isEqualTo(401);
            }
            assertThat(server.loginFrom(email, "guess", attacker).status()).isEqualTo(429);
        }

        // the owner, from their own address, still gets in: later, not never
        long started = System.nanoTime();
        assertThat(server.loginFrom(email, AuthServer.PASSWORD, "10.9.2.1").status())
                .isEqualTo(200);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(waitedMillis)
                .as("6 failures over a limit of 3, 300 ms a step, at most 600 ms")
                .isGreaterThanOrEqualTo(600);
        assertThat(server.http.get("/metrics").body()).contains("mindbot_auth_login_slowed_total");
    }

    @Test
    void forgettingAnAccountsFailuresLiftsItsLockAndSlowdown() {
        String email = AuthServer.newEmail();
        registerFrom(server, email);
        for (String address : new String[] {"10.9.3.1", "10.9.3.2"}) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.loginFrom(email, "guess " + i, address).status())
                        .isEqualTo(401);
            }
        }
        assertThat(server.loginFrom(email, AuthServer.PASSWORD, "10.9.3.1").status())
                .isEqualTo(429);

        // what the password reset calls once the owner has proved they hold the mailbox
        server.bean(LoginThrottle.class).forgetFailures(" " + email.toUpperCase() + " ");

        double slowedBefore = slowedLogins();
        assertThat(server.loginFrom(email, AuthServer.PASSWORD, "10.9.3.1").status())
                .isEqualTo(200);
        assertThat(slowedLogins()).as("no longer slowed down").isEqualTo(slowedBefore);
    }

    private static double slowedLogins() {
        return server.http
                .get("/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith("mindbot_auth_login_slowed_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void successfulLoginsDoNotCount() {
        String email = AuthServer.newEmail();
        registerFrom(server, email);
        for (int i = 0; i < 8; i++) {
            assertThat(server.loginFrom(email, AuthServer.PASSWORD, "10.1.0.1").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void failedLoginsFromOneAddressAreCutOffAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            assertThat(server.loginFrom(AuthServer.newEmail(), "guess", "10.2.0.1")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(server.loginFrom(AuthServer.newEmail(), "guess", "10.2.0.1").status())
                .isEqualTo(429);
        assertThat(server.loginFrom(AuthServer.newEmail(), "guess", "10.2.0.2").status())
                .isEqualTo(401);
    }

    @Test
    void limitsHoldAcrossInstancesSharingTheDatabase() {
        try (AuthServer second = server.sibling()) {
            AuthServer first = server;
            String email = AuthServer.newEmail();
            registerFrom(first, email);
            assertThat(first.loginFrom(email, "wrong 1", "10.3.0.1").status()).isEqualTo(401);
            assertThat(second.loginFrom(email, "wrong 2", "10.3.0.1").status()).isEqualTo(401);
            assertThat(first.loginFrom(email, "wrong 3", "10.3.0.1").status()).isEqualTo(401);
            assertThat(second.loginFrom(email, AuthServer.PASSWORD, "10.3.0.1").status())
                    .isEqualTo(429);
        }
    }

    @Test
    void registrationsPerAddressAreLimited() {
        for (int i = 0; i < 4; i++) {
            assertThat(register(server, AuthServer.newEmail(), "10.4.0.1").status())
                    .isEqualTo(201);
        }
        Http.Response limited = register(server, AuthServer.newEmail(), "10.4.0.1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(1L, 3600L);
        assertThat(register(server, AuthServer.newEmail(), "10.4.0.2").status()).isEqualTo(201);
    }

    @Test
    void guestTokensPerAddressAreLimited() {
        assertThat(guest(server, "10.5.0.1").status()).isEqualTo(200);
        assertThat(guest(server, "10.5.0.1").status()).isEqualTo(200);
        assertThat(guest(server, "10.5.0.1").status()).isEqualTo(429);
        assertThat(guest(server, "10.5.0.2").status()).isEqualTo(200);
    }

    @Test
    void wrongServiceKeysAreLimitedLikeLogins() {
        for (int i = 0; i < 5; i++) {
            assertThat(serviceToken(server, "wrong", "10.6.0.1").status()).isEqualTo(401);
        }
        assertThat(serviceToken(server, AuthServer.AGENT_KEY, "10.6.0.1").status())
                .isEqualTo(429);
        assertThat(serviceToken(server, AuthServer.AGENT_KEY, "10.6.0.2").status())
                .isEqualTo(200);
    }

    @Test
    void forwardedForIsIgnoredUnlessTheProxyIsTrusted() {
        try (AuthServer server = AuthServer.start(database, Map.of("AUTH_RATE_GUEST_PER_ADDRESS", "1"))) {
            assertThat(guest(server, "10.7.0.1").status()).isEqualTo(200);
            // a different claimed address does not help: without TRUST_PROXY the TCP peer is what counts
            assertThat(guest(server, "10.7.0.2").status()).isEqualTo(429);
        }
    }

    @Test
    void behindATrustedProxyTheLastForwardedAddressCounts() {
        // the client wrote the first entry itself; our proxy appended the second
        assertThat(guest(server, "1.1.1.1, 10.8.0.1").status()).isEqualTo(200);
        assertThat(guest(server, "2.2.2.2, 10.8.0.1").status()).isEqualTo(200);
        assertThat(guest(server, "3.3.3.3, 10.8.0.1").status()).isEqualTo(429);
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** Registers from an address of its own, so set-up never eats into the registration limit. */
    private static void registerFrom(AuthServer server, String email) {
        assertThat(register(server, email, "10.99.0." + ADDRESSES.incrementAndGet())
                        .status())
                .isEqualTo(201);
    }

    private static Http.Response register(AuthServer server, String email, String address) {
        return server.http.send(
                "POST",
                "/auth/register",
                Http.json(Map.of("email", email, "password", AuthServer.PASSWORD, "full_name", "Rate Test")),
                null,
                Map.of("X-Forwarded-For", address));
    }

    private static Http.Response guest(AuthServer server, String forwardedFor) {
        return server.http.send("POST", "/auth/guest", null, null, Map.of("X-Forwarded-For", forwardedFor));
    }

    private static Http.Response serviceToken(AuthServer server, String key, String address) {
        return server.http.send(
                "POST",
                "/auth/service-token",
                Http.json(Map.of("api_key", key)),
                null,
                Map.of("X-Forwarded-For", address));
    }
}
