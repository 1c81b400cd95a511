package ai.mindbot.agent.rtc;

import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.media.AudioFrame;
import livekit.LivekitModels.DataPacket;

/** What a {@link RoomConnection} reports; every call arrives on the room's thread. */
public interface RoomEvents {

    /**
     * Joined, both peer connections up and the agent's track publishing. Participants already in
     * the room are in {@link RoomConnection#participants()}; later ones arrive as joins.
     */
    void onConnected();

    void onParticipantJoined(Participant participant);

    void onParticipantLeft(Participant participant);

    /** A remote participant's name, metadata or attributes changed; {@code participant} is the new state. */
    default void onParticipantUpdated(Participant participant) {}

    void onAudio(Participant from, AudioFrame frame);

    void onData(DataPacket packet);

    /** The connection is gone and its resources released; {@code disconnect} says why. */
    void onDisconnected(Disconnect disconnect);
}
