package ai.mindbot.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.mindbot.agent.e2e.FreePorts;
import ai.mindbot.common.test.EmbeddedPostgresServer;
import ai.mindbot.common.test.Http;

/**
 * Two auth and two time instances and the admin dashboard, each its own JVM, behind the shipped
 * nginx configuration, on one real PostgreSQL (and Redis when {@code redis-server} is installed).
 * Many users sign up, buy, get webhooks settled and talk at once while time and auth instances are
 * killed with SIGKILL and restarted; then the books are read straight from the database.
 * scripts/cluster-check runs it and prints its report, which ends with {@code N passed, M failed}.
 */
@Tag("cluster")
class ClusterCheckIT {

    private static final int BUYERS = Integer.getInteger("cluster.buyers", 24);
    private static final int SAVERS = Integer.getInteger("cluster.savers", 4);
    private static final String WEBHOOK_SECRET = "whsec_cluster_check_0123456789abcdef";
    private static final String JWT_SECRET = "cluster-check-jwt-secret-0123456789abcdef0123";
    private static final String ADMIN = "admin@cluster.test";

    @Test
    void theBooksStayExactAcrossInstancesWhileInstancesAreKilled() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path work = Files.createTempDirectory("mindbot-cluster-");
        ClusterReport report = new ClusterReport();
        String databaseUrl = EmbeddedPostgresServer.newDatabase();
        List<AutoCloseable> running = new ArrayList<>();
        try {
            Map<String, String> env = new HashMap<>();
            env.put("MINDBOT_ENV_FILE", work.resolve("none.env").toString());
            env.put("MINDBOT_DATA_DIR", work.toString());
            env.put("DATABASE_URL", databaseUrl);
            env.put("JWT_SECRET", JWT_SECRET);
            env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
            env.put("ADMIN_USERS", ADMIN);
            env.put("TRUST_PROXY", "true");
            env.put("AUTH_RATE_REGISTER_PER_ADDRESS", "100000");
            env.put("AUTH_RATE_LOGIN_PER_ADDRESS", "100000");
            // short slices so abandoned calls lapse and get swept within the check's minutes
            env.put("SESSION_SLICE_SECONDS", "10");
            env.put("SESSION_MIN_START_SECONDS", "5");
            env.put("SESSION_GRACE_SECONDS", "3");
            env.put("SESSION_SWEEP_SECONDS", "1");
            env.put("NOTIFY_POLL_MILLIS", "500");
            // a buyer's card gives 3600 s and the first call's heartbeats cross this line: outbox work
            env.put("LOW_BALANCE_THRESHOLD_SECONDS", "3598");
            RedisPeer redis = RedisPeer.start(work);
            running.add(redis);
            env.put("REDIS_URL", redis.url());
            report.note("PostgreSQL " + databaseUrl.replaceAll("//[^@]*@", "//") + ", Redis " + redis.url());

            Nginx edge = Nginx.reserve(work);
            List<ServiceProcess> auths = new ArrayList<>();
            List<ServiceProcess> times = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                auths.add(service(root, "auth-service", "auth-" + i, "AUTH_PORT", env, work));
            }
            // service to service on the internal network, as in compose (the edge's certificate is the
            // check's own); the one they call is killed too, and they must ride it out
            env.put("AUTH_SERVICE_URL", auths.get(0).url());
            for (int i = 1; i <= 2; i++) {
                times.add(service(root, "time-service", "time-" + i, "TIME_PORT", env, work));
            }
            env.put("TIME_SERVICE_URL", times.get(0).url());
            ServiceProcess admin = service(root, "admin-dashboard", "admin", "ADMIN_PORT", env, work);
            List<ServiceProcess> all = new ArrayList<>(auths);
            all.addAll(times);
            all.add(admin);
            running.addAll(all);
            // one at a time: five JVMs starting at once on two cores mostly wait on each other
            edge.start(auths, times, admin);
            running.add(edge);
            for (ServiceProcess service : all) {
                service.start();
            }
            report.note("up: " + all.stream().map(s -> s.name() + ":" + s.port()).toList() + " behind nginx " + edge.url());

            Retrying retrying = new Retrying();
            Http http = edge.http();
            String adminToken = new ClusterWorkload(http, retrying).signUp(ADMIN);
            Killer killer = new Killer(List.of(times.get(0), auths.get(1), times.get(1), auths.get(0)), report);
            Thread killing = new Thread(killer, "killer");
            killing.start();
            WebhookStorm storm = new WebhookStorm(WEBHOOK_SECRET, retrying);
            List<ClusterWorkload> rounds = new ArrayList<>();
            int refusedWebhooks = 0;
            // rounds of new people until every kill is over, so each kill lands in the middle of traffic
            do {
                ClusterWorkload round = new ClusterWorkload(http, retrying);
                round.run(BUYERS, SAVERS, adminToken, 24);
                refusedWebhooks += storm.deliver(round.pending(), times.stream().map(ServiceProcess::url).toList(),
                        rounds.size());
                rounds.add(round);
            } while (killing.isAlive() || rounds.size() < 2);
            killing.join();

            List<String> problems = rounds.stream().flatMap(r -> r.problems().stream()).toList();
            List<String> savers = rounds.stream().flatMap(r -> r.smallGrantUsers().stream()).toList();
            int pending = rounds.stream().mapToInt(r -> r.pending().size()).sum();
            report.note(rounds.size() + " rounds of " + BUYERS + " buyers and " + SAVERS + " small-grant users");
            report.check("every story finished with the answers a client expects", problems.isEmpty(),
                    problems.size() + " problems " + problems.stream().limit(5).toList());
            report.check("every signed webhook delivery was accepted", refusedWebhooks == 0, refusedWebhooks + " refused");
            report.check("no 5xx other than nginx's 502/503/504 while an instance was down",
                    retrying.serverFaults() == 0, retrying.serverFaults() + " faults " + retrying.faults());
            report.note(retrying.retries() + " requests were retried while instances were down");
            report.check("every instance was killed and came back", killer.kills() == 4, killer.kills() + " kills");

            // let every abandoned call lapse (slice 10 s + grace 3 s) and the sweeper and outbox catch up
            ServiceProcess.sleep(20_000);
            String jdbc = "jdbc:postgresql://" + databaseUrl.substring(databaseUrl.indexOf('@') + 1);
            new LedgerChecks(jdbc).run(report, savers, pending);
            new JobChecks(jdbc).run(report, times, rounds.stream().mapToInt(ClusterWorkload::abandoned).sum());
        } finally {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
            report.writeTo(Path.of("target", "cluster-check.txt"));
            System.out.println(report.summary());
        }
        assertThat(report.failed()).as(report.summary()).isZero();
    }

    private static ServiceProcess service(Path root, String module, String name, String portVariable,
            Map<String, String> env, Path work) throws Exception {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-exec.jar");
        assertThat(jar).as("build the services first (mvn package)").exists();
        int port = FreePorts.tcp();
        Map<String, String> own = new HashMap<>(env);
        own.put(portVariable, Integer.toString(port));
        Path dir = Files.createDirectories(work.resolve(name));
        return new ServiceProcess(name, jar, own, port, dir);
    }

    /** Kills each victim in turn mid-load with SIGKILL, waits, and starts it again. */
    private static final class Killer implements Runnable {
        private final List<ServiceProcess> victims;
        private final ClusterReport report;
        private int kills;

        Killer(List<ServiceProcess> victims, ClusterReport report) {
            this.victims = victims;
            this.report = report;
        }

        @Override
        public void run() {
            for (ServiceProcess victim : victims) {
                ServiceProcess.sleep(4_000);
                victim.kill();
                report.note("killed " + victim.name() + " (SIGKILL)");
                ServiceProcess.sleep(2_000);
                victim.start();
                report.note("restarted " + victim.name());
                kills++;
            }
        }

        int kills() {
            return kills;
        }
    }
}
