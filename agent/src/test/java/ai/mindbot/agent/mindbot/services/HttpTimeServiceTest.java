package ai.mindbot.agent.mindbot.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.agent.mindbot.FakeServicesServer;
import ai.mindbot.agent.mindbot.FakeTimeService;
import ai.mindbot.agent.mindbot.services.TimeService.SessionRequest;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTimeServiceTest {

    private final AtomicLong nanos = new AtomicLong();
    private FakeServicesServer services;

    private HttpTimeService client(long balanceSeconds) throws Exception {
        services = new FakeServicesServer(new FakeTimeService(System::currentTimeMillis, balanceSeconds));
        JsonHttp http = JsonHttp.withDefaults();
        return new HttpTimeService(
                http,
                services.url(),
                new AgentCredential(http, services.url(), FakeServicesServer.API_KEY, nanos::get));
    }

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void startsASessionForTheUserWithTheAgentsOwnToken() throws Exception {
        HttpTimeService time = client(9000);

        TimeService.SessionStarted started = time.start(
                        new SessionRequest("7", "john@example.com", "mindbot-7", "user-7"))
                .join();

        assertThat(started.grantedSeconds()).isEqualTo(60);
        assertThat(started.balanceSeconds()).isEqualTo(9000);
        assertThat(services.requests).containsExactly("POST /auth/service-token", "POST /time/sessions");
        assertThat(services.sessionStarts.get(0).toString())
                .contains(
                        "\"user_id\":\"7\"",
                        "\"room_name\":\"mindbot-7\"",
                        "\"participant_identity\":\"user-7\"",
                        "\"email\":\"john@example.com\"");
    }

    @Test
    void heartbeatsAndEndsWithTheFiguresTheTimeServiceGives() throws Exception {
        HttpTimeService time = client(100);
        String id = time.start(new SessionRequest("7", "", "mindbot-7", "user-7"))
                .join()
                .sessionId();

        TimeService.HeartbeatAnswer beat = time.heartbeat(id).join();
        TimeService.SessionEnded ended = time.end(id).join();

        assertThat(beat.remainingSeconds()).isBetween(99L, 100L);
        assertThat(beat.lowBalance()).isTrue();
        assertThat(beat.finalSlice()).isFalse();
        assertThat(beat.ended()).isFalse();
        assertThat(ended.sessionId()).isEqualTo(id);
        assertThat(ended.balanceSeconds()).isEqualTo(100 - ended.billedSeconds());
    }

    @Test
    void tooLittleTimeIsARefusalWithTheFiguresOfTheProblem() throws Exception {
        HttpTimeService time = client(12);

        assertThatThrownBy(() -> time.start(new SessionRequest("7", "", "mindbot-7", "user-7"))
                        .join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(ServiceRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(402);
                    assertThat(e.code()).isEqualTo("insufficient_balance");
                    assertThat(e.problem().path("available_seconds").asLong()).isEqualTo(12);
                });
    }

    @Test
    void anEndedSessionIsARefusalNotAnOutage() throws Exception {
        HttpTimeService time = client(9000);
        String id = time.start(new SessionRequest("7", "", "mindbot-7", "user-7"))
                .join()
                .sessionId();
        time.end(id).join();

        assertThatThrownBy(() -> time.heartbeat(id).join())
                .cause()
                .isInstanceOfSatisfying(
                        ServiceRefusedException.class, e -> assertThat(e.code()).isEqualTo("session_ended"));
    }

    @Test
    void reusesOneTokenAndExchangesTheKeyAgainWhenItIsRefused() throws Exception {
        HttpTimeService time = client(9000);
        String id = time.start(new SessionRequest("7", "", "mindbot-7", "user-7"))
                .join()
                .sessionId();
        time.heartbeat(id).join();
        assertThat(services.tokensIssued).hasValue(1);

        services.revokeTokens();
        time.heartbeat(id).join();

        assertThat(services.tokensIssued).hasValue(2);
    }

    @Test
    void renewsTheTokenBeforeItExpires() throws Exception {
        HttpTimeService time = client(9000);
        services.tokenLifetimeSeconds = 600;
        String id = time.start(new SessionRequest("7", "", "mindbot-7", "user-7"))
                .join()
                .sessionId();
        nanos.addAndGet(530_000_000_000L); // 530 s of a 600 s token: still good
        time.heartbeat(id).join();
        assertThat(services.tokensIssued).hasValue(1);

        nanos.addAndGet(11_000_000_000L); // under a minute left: renew first
        time.heartbeat(id).join();

        assertThat(services.tokensIssued).hasValue(2);
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        client(9000);
        JsonHttp http = JsonHttp.withDefaults();
        HttpTimeService wrong = new HttpTimeService(
                http, services.url(), new AgentCredential(http, services.url(), "not-the-key", nanos::get));

        assertThatThrownBy(() ->
                        wrong.start(new SessionRequest("7", "", "r", "user-7")).join())
                .cause()
                .isInstanceOfSatisfying(
                        ServiceRefusedException.class, e -> assertThat(e.code()).isEqualTo("invalid_api_key"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsUnavailable() throws Exception {
        HttpTimeService time = UnreachableTimeService.create(JsonHttp.withDefaults());

        assertThatThrownBy(() ->
                        time.start(new SessionRequest("7", "", "r", "user-7")).join())
                .cause()
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> time.pricing().join()).cause().isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void readsThePriceList() throws Exception {
        HttpTimeService time = client(0);

        assertThat(time.pricing().join())
                .extracting(TimeService.TimePackage::id)
                .containsExactly("starter_1h", "basic_5h", "pro_20h");
        assertThat(time.pricing().join().get(1).priceCents()).isEqualTo(3999);
    }
}
