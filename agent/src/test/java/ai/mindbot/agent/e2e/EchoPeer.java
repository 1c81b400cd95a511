package ai.mindbot.agent.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A real LiveKit participant ({@code @livekit/rtc-node}, see agent/src/test/node/echo-peer.cjs):
 * joins a room, publishes tone bursts and reports what it heard back, as JSON lines.
 */
final class EchoPeer {

    private final NodeParticipant participant;

    private EchoPeer(NodeParticipant participant) {
        this.participant = participant;
    }

    static EchoPeer join(LiveKitServer server, String room, String identity, Map<String, String> options) {
        Map<String, String> env = new HashMap<>();
        env.put("LK_URL", server.wsUrl());
        env.put("LK_API_KEY", LiveKitServer.API_KEY);
        env.put("LK_API_SECRET", LiveKitServer.API_SECRET);
        env.put("LK_ROOM", room);
        env.put("LK_IDENTITY", identity);
        env.putAll(options);
        return new EchoPeer(NodeParticipant.start(Peers.echoPeerScript(), env));
    }

    /** Waits for the peer to finish and returns its events; the last one is the result. */
    List<JsonNode> await(long seconds) {
        return participant.await(seconds);
    }

    static JsonNode result(List<JsonNode> events) {
        return NodeParticipant.result(events);
    }
}
