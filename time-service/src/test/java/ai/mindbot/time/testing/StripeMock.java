package ai.mindbot.time.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ai.mindbot.common.test.FreePort;
import java.io.File;
import java.util.List;

/**
 * stripe-mock, Stripe's API mock, started on a free port for the end-to-end tests. It must have been
 * installed by scripts/install-stripe-mock (into .peers/bin) or be on PATH; if it is not, the test
 * fails: a missing peer is never a skip.
 */
public final class StripeMock implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private StripeMock(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static StripeMock start() {
        return start(FreePort.pick());
    }

    /** On a given port: a test that stopped stripe-mock to play "Stripe is unreachable" brings it back there. */
    public static StripeMock start(int port) {
        Path binary = locate();
        try {
            Path log = Files.createTempFile("stripe-mock", ".log");
            // HTTPS on a free port too: its default (12112) is one port for every stripe-mock on the machine
            Process process = new ProcessBuilder(binary.toString(), "-http-addr", "127.0.0.1:" + port,
                    "-https-addr", "127.0.0.1:0")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            StripeMock mock = new StripeMock(process, port, log);
            mock.awaitListening(Duration.ofSeconds(30));
            return mock;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    public String apiBase() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The requests stripe-mock received so far, as it logs them: "GET /v1/payment_intents/pi_...". */
    public List<String> requests() {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.startsWith("Request: "))
                    .map(line -> line.substring("Request: ".length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".peers/bin/stripe-mock");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "stripe-mock");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("stripe-mock is not installed: run scripts/install-stripe-mock "
                + "(it installs into .peers/bin); the end-to-end tests need it");
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("stripe-mock exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("stripe-mock did not listen on port " + port + " within " + timeout);
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
