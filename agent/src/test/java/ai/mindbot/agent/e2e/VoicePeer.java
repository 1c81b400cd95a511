package ai.mindbot.agent.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A real LiveKit participant that talks ({@code @livekit/rtc-node}, agent/src/test/node/voice-peer.cjs):
 * runs a script of steps (speak a WAV file, type, wait for the agent to speak or fall quiet) and
 * reports the agent's state changes, transcripts and audio as JSON lines.
 */
public final class VoicePeer {

    private final NodeParticipant participant;

    private VoicePeer(NodeParticipant participant) {
        this.participant = participant;
    }

    /**
     * Joins with a token minted from LiveKit's dev keys ({@code LK_ROOM}, {@code LK_IDENTITY} in
     * {@code env}) or with {@code LK_TOKEN}; {@code steps} is the JSON array described in the script.
     */
    public static VoicePeer join(String livekitUrl, String steps, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("LK_URL", livekitUrl);
        all.put("STEPS", steps);
        return new VoicePeer(
                NodeParticipant.start(Peers.repoRoot().resolve("agent/src/test/node/voice-peer.cjs"), all));
    }

    /** Waits for the script to finish; the last event is the result. */
    public List<JsonNode> await(long seconds) {
        return participant.await(seconds);
    }

    public static JsonNode result(List<JsonNode> events) {
        return NodeParticipant.result(events);
    }

    /** The events of one kind, in order. */
    public static List<JsonNode> of(List<JsonNode> events, String kind) {
        return NodeParticipant.of(events, kind);
    }
}
