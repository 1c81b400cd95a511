package ai.mindbot.agent.api;

import ai.mindbot.agent.media.AudioFrame;

/**
 * One agent instance serves one job (one room). Hooks run on the job's thread, one at a time; keep
 * them short or hand work off, since audio frames arrive every 10 ms per participant.
 */
public interface Agent {

    /** The room is joined and the agent's audio track is published. */
    default void onJobStart(Room room) {}

    /** A participant is in the room (also called for those already there when the agent joined). */
    default void onParticipantJoined(Participant participant) {}

    /** A participant's name, metadata or attributes changed; {@code participant} is the new state. */
    default void onParticipantUpdated(Participant participant) {}

    default void onParticipantLeft(Participant participant) {}

    /** 10 ms of 16-bit PCM from one participant's microphone. */
    default void onAudio(Participant from, AudioFrame frame) {}

    /** A complete text stream, e.g. a chat message on {@code lk.chat}. */
    default void onText(Participant from, String topic, String text) {}

    /** A data packet published by a participant. */
    default void onData(Participant from, String topic, byte[] payload) {}

    /** The job is over; the room connection is already closed. */
    default void onJobEnd(JobEnd end) {}
}
