package ai.mindbot.agent.rtc;

import dev.onvoid.webrtc.RTCIceCandidate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form LiveKit's {@code TrickleRequest.candidateInit} carries (the browser's RTCIceCandidateInit). */
final class IceCandidates {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private IceCandidates() {}

    static String toJson(RTCIceCandidate candidate) {
        ObjectNode node = JSON.createObjectNode();
        node.put("candidate", candidate.sdp);
        node.put("sdpMid", candidate.sdpMid);
        node.put("sdpMLineIndex", candidate.sdpMLineIndex);
        return JSON.writeValueAsString(node);
    }

    static RTCIceCandidate fromJson(String json) {
        JsonNode node = JSON.readTree(json);
        String mid = node.path("sdpMid").isNull() ? "" : node.path("sdpMid").asString("");
        return new RTCIceCandidate(
                mid, node.path("sdpMLineIndex").asInt(0), node.path("candidate").asString(""));
    }
}
