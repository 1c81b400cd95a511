package ai.mindbot.agent.mindbot.metering;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.mindbot.FakeTimeService;
import ai.mindbot.agent.mindbot.ManualJobExecutor;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.services.ServiceRefusedException;
import ai.mindbot.agent.mindbot.services.TimeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TimeKeeperTest {

    private static final Caller JOHN = new Caller(Caller.Kind.USER, "user-7", "7", "John", "john@example.com");
    private static final Caller GUEST = new Caller(Caller.Kind.GUEST, "guest-0123456789abcdef", null, "", "");

    private final ManualJobExecutor job = new ManualJobExecutor();
    private final Events events = new Events();
    private long begun;

    /** Every event with the second of the call it came at. */
    private final class Events implements TimeListener {
        final List<String> said = new ArrayList<>();

        private void add(String what) {
            said.add(what + "@" + job.elapsedSince(begun).toMillis() / 1000.0);
        }

        List<String> named(String prefix) {
            return said.stream().filter(s -> s.startsWith(prefix)).toList();
        }

        double at(String prefix) {
            List<String> found = named(prefix);
            assertThat(found).as("events " + said).hasSize(1);
            return Double.parseDouble(found.get(0).substring(found.get(0).indexOf('@') + 1));
        }

        @Override
        public void started(Caller caller, long seconds, boolean lowBalance) {
            add("started " + caller.kind() + " " + seconds + (lowBalance ? " low" : ""));
        }

        @Override
        public void refused(long availableSeconds, long minimumSeconds) {
            add("refused " + availableSeconds + "/" + minimumSeconds);
        }

        @Override
        public void finalMinute(long secondsLeft) {
            add("finalMinute " + secondsLeft);
        }

        @Override
        public void lowBalance(long secondsLeft) {
            add("lowBalance " + secondsLeft);
        }

        @Override
        public void toppedUp(long secondsLeft) {
            add("toppedUp " + secondsLeft);
        }

        @Override
        public void unreachable() {
            add("unreachable");
        }

        @Override
        public void reconnected(long balanceSeconds) {
            add("reconnected " + balanceSeconds);
        }

        @Override
        public void goodbye(EndCause cause) {
            add("goodbye " + cause);
        }

        @Override
        public void timeUp(EndCause cause) {
            add("timeUp " + cause);
        }
    }

    private TimeKeeper keeperFor(FakeTimeService service) {
        return new TimeKeeper(job, service, MeteringRules.defaults(), events);
    }

    private TimeKeeper begin(FakeTimeService service, Caller caller) {
        TimeKeeper keeper = keeperFor(service);
        begun = job.nanoTime();
        job.execute(() -> keeper.begin(caller, "mindbot-7"));
        job.runDue();
        return keeper;
    }

    @Test
    void startsTheSessionWhenTheUserJoinsAndGreetsWithTheBalance() {
        FakeTimeService service = FakeTimeService.on(job, 9000);
        TimeKeeper keeper = begin(service, JOHN);

        assertThat(events.said).containsExactly("started USER 9000@0.0");
        assertThat(service.activeSessions()).isEqualTo(1);
        assertThat(keeper.reading().metered()).isTrue();
        assertThat(keeper.reading().secondsLeft()).isEqualTo(9000);
    }

    @Test
    void aBalanceUnderTheLowLineIsFlaggedForTheGreeting() {
        begin(FakeTimeService.on(job, 840), JOHN);

        assertThat(events.said).containsExactly("started USER 840 low@0.0");
    }

    @Test
    void refusesWhenTheBalanceIsTooLowAndChargesNothing() {
        FakeTimeService service = FakeTimeService.on(job, 20);
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(30));

        assertThat(events.said).containsExactly("refused 20/30@0.0", "timeUp NOT_ENOUGH_TIME@10.0");
        assertThat(service.balance()).isEqualTo(20);
        assertThat(service.billedSeconds()).isZero();
        assertThat(service.endCalls).isZero();
    }

    @Test
    void heartbeatsWithinEveryGrantSoTheHoldNeverLapses() {
        FakeTimeService service = FakeTimeService.on(job, 7200);
        begin(service, JOHN);
        job.advance(Duration.ofMinutes(10));

        // every 30 s: twice per 60 s slice
        assertThat(service.heartbeatCalls).isEqualTo(20);
        assertThat(service.balance()).isEqualTo(7200 - 600);
        assertThat(events.said).containsExactly("started USER 7200@0.0");
    }

    @Test
    void warnsOnceWhenAboutAMinuteIsLeft() {
        FakeTimeService service = FakeTimeService.on(job, 200);
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(150));

        assertThat(events.at("finalMinute")).isBetween(139.0, 141.0);
        assertThat(events.named("finalMinute").get(0)).startsWith("finalMinute 60");
    }

    @Test
    void warnsOnceWhenTheBalanceCrossesTheLowLine() {
        FakeTimeService service = FakeTimeService.on(job, 1000);
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(800));

        assertThat(events.named("lowBalance")).hasSize(1);
        // crossed at 100 s used; heard at the next heartbeat
        assertThat(events.at("lowBalance")).isBetween(100.0, 130.0);
    }

    @Test
    void cutsOffWithinOneSecondOfTheBalanceRunningOutAndNeverBelowZero() {
        FakeTimeService service = FakeTimeService.on(job, 100);
        TimeKeeper keeper = begin(service, JOHN);
        job.advance(Duration.ofSeconds(120));

        assertThat(events.at("goodbye BALANCE_EXHAUSTED")).isBetween(93.0, 95.0);
        assertThat(events.at("timeUp BALANCE_EXHAUSTED")).isBetween(99.0, 101.0);
        assertThat(service.balance()).isZero();
        assertThat(service.billedSeconds()).isEqualTo(100);
        assertThat(service.activeSessions()).isZero();
        assertThat(keeper.reading().metered()).isFalse();
    }

    @Test
    void timeBoughtDuringTheCallExtendsItWithoutARestart() {
        FakeTimeService service = FakeTimeService.on(job, 100);
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(50));
        service.topUp(3600);
        job.advance(Duration.ofSeconds(150));

        assertThat(events.named("toppedUp")).hasSize(1);
        assertThat(events.at("toppedUp")).isLessThanOrEqualTo(94.0);
        assertThat(events.named("goodbye")).isEmpty();
        assertThat(events.named("timeUp")).isEmpty();
        assertThat(service.startCalls).isEqualTo(1);
        assertThat(service.activeSessions()).isEqualTo(1);
        // billed as it went, up to the last heartbeat: one grant, never a second session
        assertThat(service.billedSeconds()).isBetween(170L, 200L);
        assertThat(service.balance()).isEqualTo(3700 - service.billedSeconds());
    }

    @Test
    void aTopUpInTheLastSecondsIsSeenBeforeTheCut() {
        FakeTimeService service = FakeTimeService.on(job, 100);
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(97)); // the goodbye was said at 94 s
        service.topUp(600);
        job.advance(Duration.ofSeconds(60));

        assertThat(events.named("timeUp")).isEmpty();
        assertThat(events.at("toppedUp")).isBetween(99.0, 101.0);
        assertThat(service.activeSessions()).isEqualTo(1);
    }

    @Test
    void capsAGuestWithoutTouchingTheTimeService() {
        FakeTimeService service = FakeTimeService.on(job, 0);
        TimeKeeper keeper = begin(service, GUEST);
        job.advance(Duration.ofSeconds(100));
        assertThat(keeper.reading().guest()).isTrue();
        assertThat(keeper.reading().secondsLeft()).isEqualTo(80);
        job.advance(Duration.ofSeconds(200));

        assertThat(events.said)
                .containsExactly(
                        "started GUEST 180@0.0",
                        "finalMinute 60@120.0",
                        "goodbye GUEST_LIMIT@174.0",
                        "timeUp GUEST_LIMIT@180.0");
        assertThat(service.startCalls + service.heartbeatCalls + service.endCalls)
                .isZero();
    }

    @Test
    void whenTheTimeServiceIsDownAtTheStartTheCallGetsOneSliceAtMostAndIsToldSo() {
        FakeTimeService service = FakeTimeService.on(job, 7200);
        service.down = true;
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(120));

        assertThat(events.said)
                .containsExactly(
                        "unreachable@0.0",
                        "goodbye TIME_SERVICE_UNAVAILABLE@54.0",
                        "timeUp TIME_SERVICE_UNAVAILABLE@60.0");
        assertThat(service.startCalls).isGreaterThan(1); // it kept trying
    }

    @Test
    void aTimeServiceBackWithinTheSliceStartsMeteringAndTheCallGoesOn() {
        FakeTimeService service = FakeTimeService.on(job, 7200);
        service.down = true;
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(20));
        service.down = false;
        job.advance(Duration.ofSeconds(100));

        assertThat(events.named("reconnected 7200")).hasSize(1);
        assertThat(events.named("goodbye")).isEmpty();
        assertThat(service.activeSessions()).isEqualTo(1);
    }

    @Test
    void whenTheTimeServiceGoesDownMidCallTheCallEndsWhenTheHoldRunsOut() {
        FakeTimeService service = FakeTimeService.on(job, 7200);
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(40)); // heartbeat at 30 s holds until 90 s
        service.down = true;
        job.advance(Duration.ofSeconds(100));

        assertThat(events.at("goodbye TIME_SERVICE_UNAVAILABLE")).isEqualTo(84.0);
        assertThat(events.at("timeUp TIME_SERVICE_UNAVAILABLE")).isEqualTo(90.0);
        service.down = false;
        // what the time service billed is what it held: nothing past the hold was given or charged
        assertThat(service.billedSeconds()).isEqualTo(30);
    }

    @Test
    void endsTheSessionExactlyOnceAndBillsTheTimeTalked() {
        FakeTimeService service = FakeTimeService.on(job, 7200);
        TimeKeeper keeper = begin(service, JOHN);
        job.advance(Duration.ofSeconds(75));
        job.execute(keeper::stop);
        job.execute(keeper::stop);
        job.advance(Duration.ofSeconds(120));

        assertThat(service.endCalls).isEqualTo(1);
        assertThat(service.billedSeconds()).isEqualTo(75);
        assertThat(service.balance()).isEqualTo(7200 - 75);
        assertThat(events.said).containsExactly("started USER 7200@0.0");
    }

    @Test
    void theCutAtZeroEndsTheSessionOnceAndALaterStopAddsNothing() {
        FakeTimeService service = FakeTimeService.on(job, 45);
        TimeKeeper keeper = begin(service, JOHN);
        job.advance(Duration.ofSeconds(60));
        job.execute(keeper::stop);
        job.advance(Duration.ofSeconds(10));

        assertThat(events.at("timeUp BALANCE_EXHAUSTED")).isBetween(44.0, 46.0);
        assertThat(service.endCalls).isZero(); // the time service ended it at the heartbeat that found nothing left
        assertThat(service.billedSeconds()).isEqualTo(45);
    }

    @Test
    void aRefreshHeartbeatsNowAndSeesATopUp() throws Exception {
        FakeTimeService service = FakeTimeService.on(job, 600);
        TimeKeeper keeper = begin(service, JOHN);
        job.advance(Duration.ofSeconds(10));
        service.topUp(3600);
        CompletableFuture<Reading> fresh = keeper.refresh();
        job.runDue();

        assertThat(fresh).isDone();
        assertThat(fresh.get().secondsLeft()).isEqualTo(4190);
        assertThat(fresh.get().secondsTalked()).isEqualTo(10);
    }

    @Test
    void aSessionEndedUnderTheAgentEndsTheCallWithAGoodbye() {
        FakeTimeService service = FakeTimeService.on(job, 7200);
        begin(service, JOHN);
        job.advance(Duration.ofSeconds(10));
        service.end("vs_1"); // an admin ended it, say
        job.advance(Duration.ofSeconds(60));

        assertThat(events.at("goodbye SESSION_ENDED")).isEqualTo(30.0);
        assertThat(events.at("timeUp SESSION_ENDED")).isEqualTo(36.0);
    }

    @Test
    void aBalanceAskedWhileTheSessionIsStartingIsAnsweredByTheStart() throws Exception {
        TimeKeeper keeper = new TimeKeeper(
                job, new DelayedStart(FakeTimeService.on(job, 600), job), MeteringRules.defaults(), events);
        job.execute(() -> keeper.begin(JOHN, "mindbot-7"));
        job.runDue();
        CompletableFuture<Reading> asked = keeper.refresh();
        job.runDue();
        assertThat(asked).isNotDone();

        job.advance(Duration.ofSeconds(1)); // the start answers

        assertThat(asked).isDone();
        assertThat(asked.get().metered()).isTrue();
        assertThat(asked.get().secondsLeft()).isEqualTo(599); // 600 when the start was sent, a second ago
    }

    @Test
    void aRefusedAgentKeyIsAnOutageOfMeteringNotFreeTalk() {
        FakeTimeService model = FakeTimeService.on(job, 7200);
        TimeKeeper keeper = new TimeKeeper(job, new RefusingCredential(model), MeteringRules.defaults(), events);
        begun = job.nanoTime();
        job.execute(() -> keeper.begin(JOHN, "mindbot-7"));
        job.advance(Duration.ofSeconds(90));

        assertThat(events.said)
                .containsExactly(
                        "unreachable@0.0",
                        "goodbye TIME_SERVICE_UNAVAILABLE@54.0",
                        "timeUp TIME_SERVICE_UNAVAILABLE@60.0");
    }

    /** The time service as it answers an agent whose key the auth service refused. */
    private static final class RefusingCredential implements TimeService {
        private final FakeTimeService inner;

        RefusingCredential(FakeTimeService inner) {
            this.inner = inner;
        }

        @Override
        public CompletableFuture<SessionStarted> start(SessionRequest request) {
            return CompletableFuture.failedFuture(new ServiceRefusedException(401, "invalid_api_key", Json.object()));
        }

        @Override
        public CompletableFuture<HeartbeatAnswer> heartbeat(String sessionId) {
            return inner.heartbeat(sessionId);
        }

        @Override
        public CompletableFuture<SessionEnded> end(String sessionId) {
            return inner.end(sessionId);
        }

        @Override
        public CompletableFuture<List<TimePackage>> pricing() {
            return inner.pricing();
        }
    }

    /** A time service whose start answers a second after it is asked. */
    private static final class DelayedStart implements TimeService {
        private final FakeTimeService inner;
        private final ManualJobExecutor clock;

        DelayedStart(FakeTimeService inner, ManualJobExecutor clock) {
            this.inner = inner;
            this.clock = clock;
        }

        @Override
        public CompletableFuture<SessionStarted> start(SessionRequest request) {
            CompletableFuture<SessionStarted> later = new CompletableFuture<>();
            clock.schedule(() -> inner.start(request).whenComplete((v, e) -> later.complete(v)), Duration.ofSeconds(1));
            return later;
        }

        @Override
        public CompletableFuture<HeartbeatAnswer> heartbeat(String sessionId) {
            return inner.heartbeat(sessionId);
        }

        @Override
        public CompletableFuture<SessionEnded> end(String sessionId) {
            return inner.end(sessionId);
        }

        @Override
        public CompletableFuture<List<TimePackage>> pricing() {
            return inner.pricing();
        }
    }
}
