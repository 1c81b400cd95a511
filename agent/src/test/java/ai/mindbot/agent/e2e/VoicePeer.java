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
 * A real LiveKit participant that talks ({@code @livekit/rtc-node}, agent/src/test/node/voice-peer.cjs):
 * runs a script of steps (speak a WAV file, type, wait for the agent to speak or fall quiet) and
 * reports the agent's state changes, transcripts and audio as JSON lines.
 */
public final class VoicePeer {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final CompletableFuture<List<JsonNode>> events;

    private VoicePeer(Process process) {
        this.process = process;
        // a thread of its own: the common pool may have a single thread, which product code needs too
        this.events = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                events.complete(readEvents());
            } catch (RuntimeException e) {
                events.completeExceptionally(e);
            }
        }, "voice-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Joins with a token minted from LiveKit's dev keys ({@code LK_ROOM}, {@code LK_IDENTITY} in
     * {@code env}) or with {@code LK_TOKEN}; {@code steps} is the JSON array described in the script.
     */
    public static VoicePeer join(String livekitUrl, String steps, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Peers.node().toString(),
                Peers.repoRoot().resolve("agent/src/test/node/voice-peer.cjs").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> environment = builder.environment();
        environment.put("NODE_PATH", Peers.nodeModules().toString());
        environment.put("LK_URL", livekitUrl);
        environment.put("STEPS", steps);
        environment.putAll(env);
        try {
            return new VoicePeer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the script to finish; the last event is the result. */
    public List<JsonNode> await(long seconds) {
        try {
            List<JsonNode> lines = events.get(seconds, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
            return lines;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("voice test participant did not finish in " + seconds + " s", e);
        }
    }

    public static JsonNode result(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("event").asString("").equals("result")).findFirst()
                .orElseThrow(() -> new AssertionError("the voice test participant reported no result: " + events));
    }

    /** The events of one kind, in order. */
    public static List<JsonNode> of(List<JsonNode> events, String kind) {
        return events.stream().filter(e -> e.path("event").asString("").equals(kind)).toList();
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
