package ai.mindbot.time.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.ServiceSettings;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.jobs.JobRuns;
import ai.mindbot.time.testing.HandMovedClock;
import ai.mindbot.time.testing.OnBothDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The sweeper as a recurring job (every second here): on its schedule, racing sweeps by hand, recorded and counted. */
@HandMovedClock
@ServiceSettings("SESSION_SWEEP_SECONDS=1")
class SessionSweeperIT extends OnBothDatabases {

    static String abandonedSession(String userId) {
        time.grant(userId, 600);
        Http.Response r = time.http.post("/time/sessions", Map.of("room_name", "room-" + userId), Tokens.user(userId));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("session_id").asString();
    }

    static String status(String userId, String id) {
        return time.http
                .get("/time/sessions/" + id, Tokens.user(userId))
                .json()
                .get("status")
                .asString();
    }

    @Test
    void settlesAnAbandonedSessionOnItsSchedule() {
        String id = abandonedSession("8001");
        time.clock.advance(Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(15)).until(() -> status("8001", id).equals("expired"));

        assertThat(time.storedBalance("8001")).isEqualTo(600 - 60);
        assertThat(time.reserved("8001")).isZero();
        assertThat(time.auditMismatches()).isEmpty();
    }

    @Test
    void sweepsRacingTheScheduledOneBillOnce() throws Exception {
        String id = abandonedSession("8002");
        time.clock.advance(Duration.ofMinutes(5));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(pool.submit(() -> time.bean(SessionSweeper.class).sweep()));
            }
            int settled = 0;
            for (Future<Integer> sweep : sweeps) {
                settled += sweep.get();
            }
            assertThat(settled).isBetween(0, 1); // the scheduled sweep may have been first
        } finally {
            pool.shutdown();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> status("8002", id).equals("expired"));
        assertThat(time.storedBalance("8002")).isEqualTo(600 - 60);
        assertThat(time.jdbc()
                        .sql("SELECT COUNT(*) FROM ledger_entries WHERE user_id = '8002' AND kind = 'session_usage'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(time.auditMismatches()).isEmpty();
    }

    @Test
    void eachScheduledSweepIsRecorded() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> time.bean(JobRuns.class).of("session-sweeper").size() >= 2);

        List<JobRuns.Run> runs = time.bean(JobRuns.class).of("session-sweeper");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.error()).isNull();
            assertThat(run.finishedAt()).isGreaterThanOrEqualTo(run.startedAt());
        });
        assertThat(runs.stream().map(JobRuns.Run::scheduledFor).distinct()).hasSameSizeAs(runs);
        assertThat(time.http.get("/metrics").body())
                .containsPattern("dbscheduler_task_completions_total\\{[^}]*task=\"session-sweeper\"[^}]*} [1-9]")
                .contains("dbscheduler_task_last_run_timestamp_seconds{task=\"session-sweeper\"}");
    }
}
