package ai.mindbot.agent.api;

/** The job LiveKit assigned: which room, and the metadata its dispatch carried. */
public record JobInfo(String jobId, String roomName, String dispatchMetadata, String agentName) {}
