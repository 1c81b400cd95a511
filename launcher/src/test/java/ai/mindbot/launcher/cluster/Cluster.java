package ai.mindbot.launcher.cluster;

import ai.mindbot.common.test.EmbeddedPostgresServer;
import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RedisServer;
import ai.mindbot.launcher.nginx.EdgeProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * MindBot on "several machines" of this one: {@code n} auth and {@code n} time instances (and the
 * admin dashboard when asked), each its own JVM from the built {@code -exec.jar}s, behind the
 * shipped nginx configuration (the nginx test's {@link EdgeProxy}, one server line per instance), on one real PostgreSQL, with Redis. Services call each other on the
 * internal network, as in compose; clients come through nginx.
 */
final class Cluster implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec_cluster_check_0123456789abcdef";
    static final String ADMIN = "admin@cluster.test";
    private static final String JWT_SECRET = "cluster-check-jwt-secret-0123456789abcdef0123";

    final List<ServiceProcess> auths = new ArrayList<>();
    final List<ServiceProcess> times = new ArrayList<>();
    ServiceProcess admin;
    final String databaseUrl;
    private final Path work;
    private final List<AutoCloseable> running = new ArrayList<>();
    private EdgeProxy edge;
    private RedisServer redis;

    private Cluster(Path work, String databaseUrl) {
        this.work = work;
        this.databaseUrl = databaseUrl;
    }

    /**
     * Starts everything, one JVM at a time (five starting at once on two cores mostly wait on each
     * other). {@code launch} gives each instance's command before {@code -jar} (by instance number).
     */
    static Cluster start(
            int instances, boolean withAdmin, Map<String, String> settings, IntFunction<List<String>> launch)
            throws Exception {
        Path work = Files.createTempDirectory("mindbot-cluster-");
        Cluster cluster = new Cluster(work, EmbeddedPostgresServer.newDatabase());
        try {
            cluster.startAll(instances, withAdmin, settings, launch);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startAll(
            int instances, boolean withAdmin, Map<String, String> settings, IntFunction<List<String>> launch)
            throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        redis = RedisServer.start();
        running.add(redis);
        Map<String, String> env = new HashMap<>();
        env.put("MINDBOT_ENV_FILE", work.resolve("none.env").toString());
        env.put("MINDBOT_DATA_DIR", work.toString());
        env.put("DATABASE_URL", databaseUrl);
        env.put("REDIS_URL", redis.url());
        env.put("JWT_SECRET", JWT_SECRET);
        env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("ADMIN_USERS", ADMIN);
        env.put("TRUST_PROXY", "true");
        env.putAll(settings);
        for (int i = 1; i <= instances; i++) {
            auths.add(service(root, "auth-service", "auth-" + i, "AUTH_PORT", env, launch.apply(i)));
        }
        env.put("AUTH_SERVICE_URL", auths.get(0).url());
        for (int i = 1; i <= instances; i++) {
            times.add(service(root, "time-service", "time-" + i, "TIME_PORT", env, launch.apply(i)));
        }
        env.put("TIME_SERVICE_URL", times.get(0).url());
        if (withAdmin) {
            admin = service(root, "admin-dashboard", "admin", "ADMIN_PORT", env, launch.apply(1));
        }
        // without the dashboard, /admin/ routes point at a port nobody answers (nginx says 502)
        edge = EdgeProxy.start(ports(auths), ports(times), List.of(admin == null ? FreePort.pick() : admin.port()));
        running.add(edge);
        for (ServiceProcess service : services()) {
            running.add(service);
            service.start();
        }
    }

    List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>(auths);
        all.addAll(times);
        if (admin != null) {
            all.add(admin);
        }
        return all;
    }

    private static List<Integer> ports(List<ServiceProcess> instances) {
        return instances.stream().map(ServiceProcess::port).toList();
    }

    /** A client of the edge, trusting this run's certificate. */
    Http edge() {
        return new Http(edge.httpsUrl(), edge.tls());
    }

    String edgeUrl() {
        return edge.httpsUrl();
    }

    String redisUrl() {
        return redis.url();
    }

    /** For JDBC reads of the books: {@code jdbc:postgresql://host:port/db} (user and password postgres). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + databaseUrl.substring(databaseUrl.indexOf('@') + 1);
    }

    private ServiceProcess service(
            Path root, String module, String name, String portVariable, Map<String, String> env, List<String> launch)
            throws Exception {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (mvn package)");
        }
        int port = FreePort.pick();
        Map<String, String> own = new HashMap<>(env);
        own.put(portVariable, Integer.toString(port));
        return new ServiceProcess(name, jar, own, port, Files.createDirectories(work.resolve(name)), launch);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + running.get(i) + ": " + e);
            }
        }
    }
}
