package ai.mindbot.agent.api;

import java.util.Map;

/** A remote participant as LiveKit last described it. */
public record Participant(
        String sid, String identity, String name, String metadata, Map<String, String> attributes, Kind kind) {

    public enum Kind {
        STANDARD,
        AGENT,
        SIP,
        INGRESS,
        EGRESS,
        OTHER
    }

    public Participant {
        attributes = Map.copyOf(attributes);
    }

    public boolean isAgent() {
        return kind == Kind.AGENT;
    }
}
