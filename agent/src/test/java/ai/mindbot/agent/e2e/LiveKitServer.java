package ai.mindbot.agent.e2e;

import ai.mindbot.agent.AgentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code livekit-server --dev} on loopback with ports of its own: HTTP/WebSocket, ICE over TCP
 * and one UDP port. Loopback candidates are on (this host may have no other address) and the STUN
 * servers it suggests point at loopback, so no participant ever sends packets off the machine.
 */
public final class LiveKitServer implements AutoCloseable {

    public static final String API_KEY = "devkey";
    public static final String API_SECRET = "secret";

    private final int port = FreePorts.tcp();
    private final int tcpPort = FreePorts.tcp();
    private final int udpPort = FreePorts.udp();
    private final Path config;
    private final Path log;
    private Process process;

    public LiveKitServer() {
        try {
            Path dir = Files.createTempDirectory("livekit-e2e");
            config = dir.resolve("livekit.yaml");
            log = dir.resolve("livekit.log");
            Files.writeString(config, """
                    port: %d
                    bind_addresses: ["127.0.0.1"]
                    rtc:
                      tcp_port: %d
                      udp_port: %d
                      node_ip: 127.0.0.1
                      use_external_ip: false
                      enable_loopback_candidate: true
                      stun_servers: ["127.0.0.1:%d"]
                    logging:
                      level: info
                    """.formatted(port, tcpPort, udpPort, udpPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LiveKitServer start() {
        try {
            process = new ProcessBuilder(Peers.livekitServer().toString(), "--dev", "--config", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        // a test JVM that exits without @AfterAll (e.g. killed) must not leave the server running
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        awaitReady();
        return this;
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public int port() {
        return port;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** What a worker needs to register with this server and take up to {@code maxJobs} rooms. */
    public AgentConfig workerConfig(int maxJobs) {
        return workerConfig(URI.create(wsUrl()), maxJobs);
    }

    /** The same, reaching this server at {@code livekit} (e.g. through a proxy in front of it). */
    public static AgentConfig workerConfig(URI livekit, int maxJobs) {
        return new AgentConfig(livekit, API_KEY, API_SECRET, "", maxJobs, Duration.ofSeconds(10), false);
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("livekit-server exited at start; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("livekit-server not ready within 30 s; see " + log);
    }

    @Override
    public void close() {
        stop();
    }
}
