package ai.mindbot.time.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.payment.PaymentProvider;
import ai.mindbot.time.payment.simulator.SimulatedPaymentProvider;
import ai.mindbot.time.testing.TimeService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two time-service instances on one PostgreSQL, every job due every second or faster: each
 * execution runs on exactly one instance (job_runs holds one row per execution, and runs of a job
 * never overlap), the work is done once (sessions billed once, payments credited once, notices
 * sent once), the survivor carries on when one instance stops, and an execution whose instance died
 * mid-run is taken over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsAcrossInstancesIT {

    static final List<String> JOBS = List.of("session-sweeper", "outbox-delivery", "purchase-janitor");
    static final int SESSIONS = 6;
    static final int PURCHASES = 4;

    static TimeService a;
    static TimeService b;

    @BeforeAll
    static void start() {
        Map<String, String> database = TestDatabase.POSTGRESQL.freshProperties();
        a = TimeService.onHandMovedClock(database, settings("a"));
        b = TimeService.onHandMovedClock(database, settings("b"));
    }

    static Map<String, String> settings(String instance) {
        Map<String, String> settings = new HashMap<>();
        settings.put("MINDBOT_INSTANCE_ID", instance);
        settings.put("JOBS_POLL_MILLIS", "100");
        settings.put("JOBS_HEARTBEAT_SECONDS", "1");
        settings.put("SESSION_SWEEP_SECONDS", "1");
        settings.put("NOTIFY_POLL_MILLIS", "200");
        settings.put("PURCHASE_JANITOR_SECONDS", "1");
        settings.put("LOW_BALANCE_THRESHOLD_SECONDS", "600");
        return settings;
    }

    @AfterAll
    static void stop() {
        for (TimeService instance : new TimeService[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    static void advanceBothClocks(Duration by) {
        a.clock.advance(by);
        b.clock.advance(by);
    }

    static long count(String sql) {
        return b.jdbc().sql(sql).query(Long.class).single();
    }

    static List<JobRuns.Run> runs(String job) {
        return b.bean(JobRuns.class).of(job);
    }

    @Test
    @Order(1)
    void eachExecutionRunsOnOneInstanceAndTheWorkIsDoneOnce() {
        // work for every job: abandoned sessions (crossing the low-balance line), payments whose webhook was lost
        for (int i = 0; i < SESSIONS; i++) {
            String user = "930" + i;
            a.grant(user, 620);
            Http.Response started =
                    a.http.post("/time/sessions", Map.of("room_name", "room-" + user), Tokens.user(user));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
        }
        SimulatedPaymentProvider simulator = (SimulatedPaymentProvider) a.bean(PaymentProvider.class);
        for (int i = 0; i < PURCHASES; i++) {
            Http.Response bought = b.http.post(
                    "/time/purchase",
                    Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_authenticationRequired"),
                    Tokens.user("9400"));
            assertThat(bought.status()).as(bought.body()).isEqualTo(200);
            simulator.completeAuthentication(
                    bought.json().path("payment_intent_id").asString(), true);
        }
        advanceBothClocks(Duration.ofMinutes(11));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT COUNT(*) FROM voice_sessions WHERE status = 'expired'") == SESSIONS
                        && count("SELECT COUNT(*) FROM purchases WHERE status = 'succeeded'") == PURCHASES
                        && count("SELECT COUNT(*) FROM notification_outbox WHERE delivered_at IS NOT NULL") == SESSIONS
                        && JOBS.stream().allMatch(job -> runs(job).size() >= 5));

        assertThat(count("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'session_usage'"))
                .isEqualTo(SESSIONS);
        assertThat(count("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'purchase_credit'"))
                .isEqualTo(PURCHASES);
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE attempts <> 1"))
                .isZero();
        assertThat(b.storedBalance("9400")).isEqualTo(PURCHASES * 3600L);
        assertThat(b.auditMismatches()).isEmpty();
        assertThat(doneBy("session-sweeper")).isEqualTo(SESSIONS);
        assertThat(doneBy("purchase-janitor")).isEqualTo(PURCHASES);
        assertThat(doneBy("outbox-delivery")).isEqualTo(SESSIONS);
        JOBS.forEach(JobsAcrossInstancesIT::assertOneInstancePerExecution);
        System.out.printf(
                "job runs by instance: a %d, b %d%n",
                count("SELECT COUNT(*) FROM job_runs WHERE instance = 'a'"),
                count("SELECT COUNT(*) FROM job_runs WHERE instance = 'b'"));
    }

    @Test
    @Order(2)
    void anExecutionWhoseInstanceDiedIsTakenOver() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runs("session-sweeper").size() >= 2);
        // an instance that was killed mid-run: the execution stays picked, its heartbeat stops (taken
        // between two runs; the version moves on, as a claim moves it, so nobody else claims it meanwhile)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> b.jdbc()
                                .sql("""
                UPDATE time_scheduled_tasks
                SET picked = TRUE, picked_by = 'killed', last_heartbeat = :long_ago, version = version + 1
                WHERE task_name = 'session-sweeper' AND picked = FALSE""")
                                .param("long_ago", Timestamp.from(Instant.now().minusSeconds(60)))
                                .update()
                        == 1);
        int before = runs("session-sweeper").size();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> runs("session-sweeper").size() >= before + 2);

        assertOneInstancePerExecution("session-sweeper");
    }

    @Test
    @Order(3) // last: it stops instance a
    void theOtherInstanceCarriesOnWhenOneStops() {
        a.close();
        long stoppedAt = System.currentTimeMillis();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> JOBS.stream()
                        .allMatch(job -> runs(job).stream()
                                        .filter(run -> run.startedAt() > stoppedAt)
                                        .count()
                                >= 3));

        JOBS.forEach(job -> assertThat(runs(job))
                .filteredOn(run -> run.startedAt() > stoppedAt)
                .allSatisfy(run -> assertThat(run.instance()).isEqualTo("b")));
        a = null;
    }

    private static long doneBy(String job) {
        return runs(job).stream().mapToLong(JobRuns.Run::done).sum();
    }

    /** No execution recorded twice, and no run of the job started before the previous one ended. */
    private static void assertOneInstancePerExecution(String job) {
        List<JobRuns.Run> runs = runs(job);
        assertThat(runs.stream().map(JobRuns.Run::scheduledFor).distinct())
                .as(job)
                .hasSameSizeAs(runs);
        List<String> overlaps = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            if (runs.get(i).startedAt() < runs.get(i - 1).finishedAt()) {
                overlaps.add(runs.get(i - 1) + " / " + runs.get(i));
            }
        }
        assertThat(overlaps).as(job + " runs that overlapped").isEmpty();
        assertThat(runs).extracting(JobRuns.Run::instance).as(job).isSubsetOf("a", "b");
    }
}
