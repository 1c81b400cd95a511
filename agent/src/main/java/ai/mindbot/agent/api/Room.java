package ai.mindbot.agent.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.mindbot.agent.media.AudioWriter;

/** The room of one job, as the agent acts on it. Safe to call from any thread. */
public interface Room {

    String TOPIC_CHAT = "lk.chat";
    String TOPIC_TRANSCRIPTION = "lk.transcription";

    JobInfo job();

    String name();

    /** The agent's own identity in the room. */
    String identity();

    Collection<Participant> participants();

    Optional<Participant> participant(String identity);

    /**
     * A named input of the agent's outgoing audio track. Writers are mixed, so several voices (or
     * one echo per participant) can play at once. The same name returns the same writer.
     */
    AudioWriter audio(String name);

    /** Sends a text stream (e.g. on {@link #TOPIC_TRANSCRIPTION}) to everyone, or to the identities given. */
    void sendText(String topic, String text, Map<String, String> attributes, List<String> destinationIdentities);

    default void sendText(String topic, String text) {
        sendText(topic, text, Map.of(), List.of());
    }

    /** Sends a user data packet; {@code reliable=false} uses the lossy channel. */
    void sendData(String topic, byte[] payload, boolean reliable, List<String> destinationIdentities);

    /** Removes a participant from the room (LiveKit's RoomService, with the worker's API key). */
    void removeParticipant(String identity);

    /** Leaves the room; the job ends as a success. */
    void leave();
}
