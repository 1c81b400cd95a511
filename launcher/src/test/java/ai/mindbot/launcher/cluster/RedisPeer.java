package ai.mindbot.launcher.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;

import ai.mindbot.common.test.FreePort;

/** Debian's redis-server on a free loopback port, with nothing persisted. */
final class RedisPeer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisPeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisPeer start(Path work) {
        int port = FreePort.pick();
        try {
            Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("redis.log").toFile())
                    .start();
            for (int i = 0; i < 100; i++) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return new RedisPeer(process, port);
                } catch (IOException notYet) {
                    ServiceProcess.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("redis-server did not listen on " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server is not installed (scripts/cluster-check installs it)", e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
