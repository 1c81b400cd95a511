package ai.mindbot.agent.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the test peers scripts/install-livekit puts under {@code <repo>/.peers}. A missing peer
 * fails the test with the command that installs it: end-to-end tests never skip.
 */
public final class Peers {

    private Peers() {}

    public static Path repoRoot() {
        String configured = System.getProperty("mindbot.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scripts")) && Files.isRegularFile(dir.resolve("mindbot"))) {
                return dir;
            }
        }
        throw new AssertionError("cannot find the repository root from " + start);
    }

    public static Path livekitServer() {
        return binary("livekit-server");
    }

    public static Path node() {
        return onPath("node")
                .orElseThrow(() ->
                        new AssertionError("node is not installed (Node 18+ is needed for the test participant)"));
    }

    public static Path nodeModules() {
        Path modules = repoRoot().resolve(".peers/agent-peer/node_modules");
        if (!Files.isDirectory(modules.resolve("@livekit/rtc-node"))) {
            throw new AssertionError("the Node test participant is not installed: run scripts/install-livekit");
        }
        return modules;
    }

    public static Path echoPeerScript() {
        return repoRoot().resolve("agent/src/test/node/echo-peer.cjs");
    }

    private static Path binary(String name) {
        Path local = repoRoot().resolve(".peers/bin").resolve(name);
        if (Files.isExecutable(local)) {
            return local;
        }
        return onPath(name)
                .orElseThrow(() -> new AssertionError(name + " is not installed: run scripts/install-livekit"));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":"))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
