package ai.mindbot.agent.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test participant that is a Node script on {@code @livekit/rtc-node} (agent/src/test/node), run
 * as a process that reports what it saw as JSON lines on its standard output.
 */
public final class NodeParticipant {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final CompletableFuture<List<JsonNode>> events = new CompletableFuture<>();

    private NodeParticipant(Process process) {
        this.process = process;
        // a thread of its own: the common pool may have a single thread, which product code needs too
        Thread reader = new Thread(
                () -> {
                    try {
                        events.complete(readEvents());
                    } catch (RuntimeException e) {
                        events.completeExceptionally(e);
                    }
                },
                "node-participant-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code script} with the installed Node modules and {@code env} added to the environment. */
    public static NodeParticipant start(Path script, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Peers.node().toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", Peers.nodeModules().toString());
        builder.environment().putAll(env);
        try {
            return new NodeParticipant(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the script to finish and returns its events; the last one is the result. */
    public List<JsonNode> await(long seconds) {
        try {
            List<JsonNode> lines = events.get(seconds, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
            return lines;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("test participant did not finish in " + seconds + " s", e);
        }
    }

    public static JsonNode result(List<JsonNode> events) {
        return events.stream()
                .filter(e -> e.path("event").asString("").equals("result"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the test participant reported no result: " + events));
    }

    /** The events of one kind, in order. */
    public static List<JsonNode> of(List<JsonNode> events, String kind) {
        return events.stream()
                .filter(e -> e.path("event").asString("").equals(kind))
                .toList();
    }

    private List<JsonNode> readEvents() {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
