package ai.mindbot.agent.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real LiveKit participant ({@code @livekit/rtc-node}, see agent/src/test/node/echo-peer.cjs):
 * joins a room, publishes tone bursts and reports what it heard back, as JSON lines.
 */
final class EchoPeer {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final CompletableFuture<List<JsonNode>> events;

    private EchoPeer(Process process) {
        this.process = process;
        // a thread of its own: the common pool may have a single thread, which product code needs too
        this.events = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                events.complete(readEvents());
            } catch (RuntimeException e) {
                events.completeExceptionally(e);
            }
        }, "echo-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EchoPeer join(LiveKitServer server, String room, String identity, Map<String, String> options) {
        ProcessBuilder builder = new ProcessBuilder(Peers.node().toString(), Peers.echoPeerScript().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.put("NODE_PATH", Peers.nodeModules().toString());
        env.put("LK_URL", server.wsUrl());
        env.put("LK_API_KEY", LiveKitServer.API_KEY);
        env.put("LK_API_SECRET", LiveKitServer.API_SECRET);
        env.put("LK_ROOM", room);
        env.put("LK_IDENTITY", identity);
        env.putAll(options);
        try {
            return new EchoPeer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the peer to finish and returns its events; the last one is the result. */
    List<JsonNode> await(long seconds) {
        try {
            List<JsonNode> lines = events.get(seconds, TimeUnit.SECONDS);
            process.waitFor(5, TimeUnit.SECONDS);
            return lines;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("test participant did not finish in " + seconds + " s", e);
        }
    }

    static JsonNode result(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("event").asString("").equals("result")).findFirst()
                .orElseThrow(() -> new AssertionError("the test participant reported no result: " + events));
    }

    private List<JsonNode> readEvents() {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
