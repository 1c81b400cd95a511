package ai.mindbot.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.PeerProcesses;

/**
 * A real {@code livekit-server} (installed by {@code scripts/install-livekit} into {@code .peers/bin},
 * which {@code scripts/e2e} puts on the PATH) on free ports, with the test's LiveKit key pair.
 */
public final class LiveKitServerPeer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private LiveKitServerPeer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static LiveKitServerPeer start(String apiKey, String apiSecret) throws IOException, InterruptedException {
        Path binary = PeerProcesses.onPath("livekit-server", "scripts/install-livekit");
        int port = FreePort.pick();
        int rtcTcp = FreePort.pick();
        int udp = FreePort.pick();
        String config = """
                port: %d
                bind_addresses: ["127.0.0.1"]
                rtc:
                  tcp_port: %d
                  udp_port: %d
                  use_external_ip: false
                  node_ip: 127.0.0.1
                keys:
                  %s: %s
                logging:
                  level: warn
                """.formatted(port, rtcTcp, udp, apiKey, apiSecret);
        Path log = Files.createTempFile("livekit-server", ".log");
        Process process = new ProcessBuilder(binary.toString(), "--config-body", config)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LiveKitServerPeer peer = new LiveKitServerPeer(process, port, log);
        peer.awaitReady();
        return peer;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("livekit-server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ok.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("livekit-server did not answer within 30 s: " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
