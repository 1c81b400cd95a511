package ai.mindbot.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A test peer run as a process (livekit-server, stripe-mock): its output goes to a log file, it is
 * ready when its probe says so, and it is stopped on close. A peer that exits or never gets ready
 * fails the test with its log: a missing or broken peer is never a skip.
 */
public final class PeerProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} and waits up to 30 s for {@code ready}; {@code name} names it in failures and its log file. */
    public static PeerProcess start(String name, List<String> command, BooleanSupplier ready) {
        PeerProcess peer;
        try {
            Path log = Files.createTempFile(name, ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            peer = new PeerProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
        peer.awaitReady(name, ready);
        return peer;
    }

    /** A probe: something accepts TCP connections on this loopback port. */
    public static BooleanSupplier listening(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        };
    }

    /** A probe: {@code GET /} on this loopback port answers 200. */
    public static BooleanSupplier answering(int port) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest root = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        return () -> {
            try {
                return client.send(root, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** What the peer printed so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String name, BooleanSupplier ready) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + logLines());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(
                name + " was not ready within " + READY_WITHIN.toSeconds() + " s: " + logLines());
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
