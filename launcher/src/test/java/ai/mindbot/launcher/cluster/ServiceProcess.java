package ai.mindbot.launcher.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service instance as its own operating-system process ({@code java -jar <service>-exec.jar}),
 * so the check can kill it the way a machine dies: SIGKILL, no shutdown hook, no flush. Its
 * output is appended to one log file across restarts, which the checks read afterwards.
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * How long an instance may take to answer /health. Generous: on two cores shared with builds a
     * restart took 216 s (C1 only); the check is about what instances do once up, not how fast they start.
     */
    private static final Duration START_LIMIT = Duration.ofSeconds(Long.getLong("cluster.startSeconds", 600));

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final int port;
    private final Path log;
    private final List<String> launch;
    private Process process;
    private int starts;
    private long logOffset;
    private long lastStartSeconds;

    /** Starts quickly and stays small: C1 only, serial GC, a 320 MB heap (for checks, not benchmarks). */
    static List<String> quickLaunch() {
        return List.of(java(), "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /** {@code launch} is everything before {@code -jar}, e.g. {@code taskset -c 1 java -Xmx512m}. */
    ServiceProcess(String name, Path jar, Map<String, String> env, int port, Path logDir, List<String> launch) {
        this.launch = List.copyOf(launch);
        this.name = name;
        this.jar = jar;
        this.env = Map.copyOf(env);
        this.port = port;
        this.log = logDir.resolve(name + ".log");
    }

    /** The java that runs this check, so the instances run on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process (appending to its log) and waits until {@code /health} answers 200. */
    synchronized void start() {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        starts++;
        long began = System.nanoTime();
        awaitHealthy(START_LIMIT);
        lastStartSeconds = (System.nanoTime() - began) / 1_000_000_000L;
    }

    /** SIGKILL: the process gets no chance to finish anything it was doing. */
    synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long the last start took until /health answered, in whole seconds. */
    synchronized long lastStartSeconds() {
        return lastStartSeconds;
    }

    int starts() {
        return starts;
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines this start wrote, for a failure message (the log itself stays in a temporary directory). */
    private String logTail() {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(logOffset, bytes.length);
            List<String> lines = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitHealthy(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + "; its log ends:\n" + logTail());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy in " + limit + "; its log ends:\n" + logTail());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
