package ai.mindbot.agent.api;

/** Why a job ended; {@code FAILED} carries the error LiveKit is told about. */
public record JobEnd(Reason reason, String detail) {

    public enum Reason {
        /** The agent called {@link Room#leave()}. */
        AGENT_LEFT,
        /** The last participant other than agents left. */
        PARTICIPANTS_LEFT,
        /** LiveKit removed the agent, closed the room or terminated the job. */
        ROOM_CLOSED,
        /** The worker is shutting down. */
        SHUTDOWN,
        FAILED
    }

    public boolean failed() {
        return reason == Reason.FAILED;
    }
}
