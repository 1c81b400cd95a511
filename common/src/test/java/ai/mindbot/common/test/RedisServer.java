package ai.mindbot.common.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server (Debian's, installed by {@code scripts/install-redis}) on a free loopback port,
 * in memory only. Tests can stop it to play an outage and start it again on the same port. As a
 * JUnit extension ({@code @RegisterExtension static final RedisServer redis = RedisServer.perClass();})
 * it runs for the test class.
 */
public final class RedisServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final Path binary;
    private final int port;
    private Process process;
    private Path log;

    private RedisServer(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    public static RedisServer start() {
        RedisServer server = perClass();
        server.restart();
        return server;
    }

    /** Not started yet: started before the class's tests, stopped after them. */
    public static RedisServer perClass() {
        return new RedisServer(PeerProcesses.onPath("redis-server", "scripts/install-redis"), FreePort.pick());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        restart();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** {@code REDIS_URL} for it. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server (SIGKILL: the outage is abrupt) and waits until it is gone. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts it (again, empty) on the same port and waits until it answers PING. */
    public void restart() {
        stop();
        try {
            log = Files.createTempFile("redis-server", ".log");
            process = new ProcessBuilder(
                            binary.toString(),
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--protected-mode",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitPong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One command in Redis's inline protocol, for tests that look inside; the raw reply. */
    public String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            int read = in.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPong() throws IOException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited: " + Files.readString(log));
            }
            try {
                if (command("PING").startsWith("+PONG")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server", e);
            }
        }
        stop();
        throw new IllegalStateException("redis-server did not answer within 20 s: " + Files.readString(log));
    }

    @Override
    public void close() {
        stop();
    }
}
