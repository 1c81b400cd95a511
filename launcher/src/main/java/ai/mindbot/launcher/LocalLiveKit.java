package ai.mindbot.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The LiveKit server {@code ./mindbot} talks to: one already answering at {@code LIVEKIT_URL} is
 * used as it is; otherwise, when that URL is on this machine, a {@code livekit-server} from
 * {@code .peers/bin} (scripts/install-livekit) or the PATH is started for this run and stopped with
 * it. Its webhooks go to the time service, so a call that ends while the agent is down is still
 * settled at its exact length.
 */
final class LocalLiveKit implements AutoCloseable {

    private final Process process;
    private final String url;

    private LocalLiveKit(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    String url() {
        return url;
    }

    boolean startedHere() {
        return process != null;
    }

    /** Empty when nothing answers and nothing can be started; {@code problem} then says why in one line. */
    static Optional<LocalLiveKit> ensure(Map<String, String> env, Path home, Path dataDir, StringBuilder problem) {
        URI url = URI.create(
                env.getOrDefault("LIVEKIT_URL", "ws://localhost:7880").strip());
        String host = url.getHost();
        int port = url.getPort() > 0
                ? url.getPort()
                : ("wss".equals(url.getScheme()) || "https".equals(url.getScheme()) ? 443 : 80);
        if (answers(host, port)) {
            return Optional.of(new LocalLiveKit(null, url.toString()));
        }
        if (!("localhost".equals(host) || "127.0.0.1".equals(host))) {
            problem.append("LiveKit at ").append(url).append(" does not answer; voice calls need it");
            return Optional.empty();
        }
        Optional<Path> binary = find(home);
        if (binary.isEmpty()) {
            problem.append("no livekit-server found: run scripts/install-livekit (voice calls need it)");
            return Optional.empty();
        }
        try {
            Path config = writeConfig(env, dataDir, port);
            Path log = dataDir.resolve("livekit.log");
            boolean devKeys = "devkey".equals(env.getOrDefault("LIVEKIT_API_KEY", "devkey"))
                    && "secret".equals(env.getOrDefault("LIVEKIT_API_SECRET", "secret"));
            ProcessBuilder builder = devKeys
                    ? new ProcessBuilder(binary.get().toString(), "--dev", "--config", config.toString())
                    : new ProcessBuilder(binary.get().toString(), "--config", config.toString());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "livekit-stop"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    problem.append("livekit-server exited at start; see ").append(log);
                    return Optional.empty();
                }
                if (answers(host, port)) {
                    return Optional.of(new LocalLiveKit(process, url.toString()));
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            problem.append("livekit-server did not answer within 30 s; see ").append(log);
            return Optional.empty();
        } catch (IOException e) {
            problem.append("could not start livekit-server: ").append(e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem.append("interrupted while starting livekit-server");
            return Optional.empty();
        }
    }

    private static Path writeConfig(Map<String, String> env, Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        String key = env.getOrDefault("LIVEKIT_API_KEY", "devkey");
        String secret = env.getOrDefault("LIVEKIT_API_SECRET", "secret");
        String timeUrl =
                env.getOrDefault("TIME_SERVICE_URL", "http://localhost:" + env.getOrDefault("TIME_PORT", "8001"));
        // single UDP and TCP ports next to the signalling port, loopback only: a development server
        // for browsers on this machine, reachable from nowhere else
        String yaml = """
                port: %d
                bind_addresses: ["127.0.0.1"]
                rtc:
                  tcp_port: %d
                  udp_port: %d
                  node_ip: 127.0.0.1
                  use_external_ip: false
                  enable_loopback_candidate: true
                keys:
                  %s: %s
                webhook:
                  api_key: %s
                  urls: ["%s/webhooks/livekit"]
                logging:
                  level: info
                """.formatted(port, port + 1, port + 2, key, secret, key, timeUrl);
        Path config = dataDir.resolve("livekit.yaml");
        Files.writeString(config, yaml);
        try {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the secret is the development one on such systems
        }
        return config;
    }

    private static Optional<Path> find(Path home) {
        Path local = home.resolve(".peers/bin/livekit-server");
        if (Files.isExecutable(local)) {
            return Optional.of(local);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, "livekit-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
