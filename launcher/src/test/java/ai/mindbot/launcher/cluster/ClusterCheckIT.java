package ai.mindbot.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two auth and two time instances and the admin dashboard, each its own JVM, behind the shipped
 * nginx configuration, on one real PostgreSQL, with Redis ({@link Cluster}).
 * Many users sign up, buy, get webhooks settled and talk at once while time and auth instances are
 * killed with SIGKILL and restarted; then the books are read straight from the database.
 * scripts/cluster-check runs it and prints its report, which ends with {@code N passed, M failed}.
 */
@Tag("cluster")
class ClusterCheckIT {

    private static final int BUYERS = Integer.getInteger("cluster.buyers", 24);
    private static final int SAVERS = Integer.getInteger("cluster.savers", 4);

    @Test
    void theBooksStayExactAcrossInstancesWhileInstancesAreKilled() throws Exception {
        ClusterReport report = new ClusterReport();
        Map<String, String> settings = new HashMap<>();
        settings.put("AUTH_RATE_REGISTER_PER_ADDRESS", "100000");
        settings.put("AUTH_RATE_LOGIN_PER_ADDRESS", "100000");
        // short slices so abandoned calls lapse and get swept within the check's minutes
        settings.put("SESSION_SLICE_SECONDS", "10");
        settings.put("SESSION_MIN_START_SECONDS", "5");
        settings.put("SESSION_GRACE_SECONDS", "3");
        settings.put("SESSION_SWEEP_SECONDS", "1");
        settings.put("NOTIFY_POLL_MILLIS", "500");
        // a job whose instance was killed mid-run is taken over after four missed heartbeats (4 s here, 20 s by
        // default)
        settings.put("JOBS_HEARTBEAT_SECONDS", "1");
        // a buyer's card gives 3600 s and the first call's heartbeats cross this line: outbox work
        settings.put("LOW_BALANCE_THRESHOLD_SECONDS", "3598");
        Cluster cluster = null;
        try {
            cluster = Cluster.start(2, true, settings, instance -> ServiceProcess.quickLaunch());
            List<ServiceProcess> auths = cluster.auths;
            List<ServiceProcess> times = cluster.times;
            report.note(
                    "PostgreSQL " + cluster.databaseUrl.replaceAll("//[^@]*@", "//") + ", Redis " + cluster.redisUrl());
            report.note("up: "
                    + cluster.services().stream()
                            .map(s -> s.name() + ":" + s.port() + " in " + s.lastStartSeconds() + " s")
                            .toList()
                    + " behind nginx " + cluster.edgeUrl());

            Retrying retrying = new Retrying();
            Http http = cluster.edge();
            String adminToken = new ClusterWorkload(http, retrying).signUp(Cluster.ADMIN);
            Killer killer = new Killer(List.of(times.get(0), auths.get(1), times.get(1), auths.get(0)), report);
            Thread killing = new Thread(killer, "killer");
            killing.start();
            WebhookStorm storm = new WebhookStorm(Cluster.WEBHOOK_SECRET, retrying);
            List<ClusterWorkload> rounds = new ArrayList<>();
            int refusedWebhooks = 0;
            // rounds of new people until every kill is over, so each kill lands in the middle of traffic
            do {
                ClusterWorkload round = new ClusterWorkload(http, retrying);
                round.run(BUYERS, SAVERS, adminToken, 24);
                refusedWebhooks += storm.deliver(
                        round.pending(), times.stream().map(ServiceProcess::url).toList(), rounds.size());
                rounds.add(round);
            } while (killing.isAlive() || rounds.size() < 2);
            killing.join();

            List<String> problems =
                    rounds.stream().flatMap(r -> r.problems().stream()).toList();
            List<String> savers =
                    rounds.stream().flatMap(r -> r.smallGrantUsers().stream()).toList();
            int pending = rounds.stream().mapToInt(r -> r.pending().size()).sum();
            report.note(rounds.size() + " rounds of " + BUYERS + " buyers and " + SAVERS + " small-grant users");
            report.check(
                    "every story finished with the answers a client expects",
                    problems.isEmpty(),
                    problems.size() + " problems " + problems.stream().limit(5).toList());
            report.check(
                    "every signed webhook delivery was accepted", refusedWebhooks == 0, refusedWebhooks + " refused");
            report.check(
                    "no 5xx other than nginx's 502/503/504 while an instance was down",
                    retrying.serverFaults() == 0,
                    retrying.serverFaults() + " faults " + retrying.faults());
            report.note(retrying.retries() + " requests were retried while instances were down, " + retrying.limited()
                    + " after an answer that said when to ask again (429, 409 purchase_in_progress)");
            report.check(
                    "every instance was killed and came back",
                    killer.kills() == 4,
                    killer.kills() + " kills" + killer.failure());

            // let every abandoned call lapse (slice 10 s + grace 3 s) and the sweeper and outbox catch up
            ServiceProcess.sleep(20_000);
            String jdbc = cluster.jdbcUrl();
            new LedgerChecks(jdbc).run(report, savers, pending);
            new JobChecks(jdbc)
                    .run(
                            report,
                            times,
                            rounds.stream().mapToInt(ClusterWorkload::abandoned).sum());
        } catch (Exception | Error e) {
            // the report is all scripts/cluster-check shows: a check that could not run says why there
            report.check("the cluster started and the check ran to its end", false, e.toString());
            throw e;
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            report.writeTo(Path.of("target", "cluster-check.txt"));
            System.out.println(report.summary());
        }
        assertThat(report.failed()).as(report.summary()).isZero();
    }

    /** Kills each victim in turn mid-load with SIGKILL, waits, and starts it again. */
    private static final class Killer implements Runnable {
        private final List<ServiceProcess> victims;
        private final ClusterReport report;
        private volatile int kills;
        private volatile RuntimeException failure;

        Killer(List<ServiceProcess> victims, ClusterReport report) {
            this.victims = victims;
            this.report = report;
        }

        @Override
        public void run() {
            try {
                for (ServiceProcess victim : victims) {
                    ServiceProcess.sleep(4_000);
                    victim.kill();
                    report.note("killed " + victim.name() + " (SIGKILL)");
                    ServiceProcess.sleep(2_000);
                    victim.start();
                    report.note("restarted " + victim.name() + " (healthy after " + victim.lastStartSeconds() + " s)");
                    kills++;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** Why the kills stopped early, for the report; empty when they did not. */
        String failure() {
            return failure == null ? "" : "; stopped by " + failure;
        }

        int kills() {
            return kills;
        }
    }
}
