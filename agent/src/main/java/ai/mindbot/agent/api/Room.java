package ai.mindbot.agent.api;

import ai.mindbot.agent.media.AudioWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The room of one job, as the agent acts on it. Safe to call from any thread. */
public interface Room {

    String TOPIC_CHAT = "lk.chat";
    String TOPIC_TRANSCRIPTION = "lk.transcription";
    /** The agent's own attribute LiveKit's client components read: listening, thinking, speaking. */
    String ATTRIBUTE_AGENT_STATE = "lk.agent.state";

    JobInfo job();

    String name();

    /** The agent's own identity in the room. */
    String identity();

    Collection<Participant> participants();

    Optional<Participant> participant(String identity);

    /**
     * The SID of a participant's audio track, or of the agent's own when {@code identity} is
     * {@link #identity()}: transcripts name the track they transcribe ({@code lk.transcribed_track_id}).
     * Empty when unknown (not published yet).
     */
    default Optional<String> audioTrackSid(String identity) {
        return Optional.empty();
    }

    /**
     * A named input of the agent's outgoing audio track. Writers are mixed, so several voices (or
     * one echo per participant) can play at once. The same name returns the same writer.
     */
    AudioWriter audio(String name);

    /**
     * Removes a writer made by {@link #audio(String)} (e.g. a participant's echo once they left), so
     * the track stops mixing it. The default only silences it, for rooms that cannot remove one.
     */
    default void removeAudio(String name) {
        audio(name).clear();
    }

    /**
     * The named voice for speech: a per-utterance queue with flush, clear and playout futures, and
     * any sample rate (see {@link Playback}). Mixed with the writers of {@link #audio(String)}.
     * The same name returns the same playback.
     */
    Playback playback(String name);

    /** The job's thread and clock, for work that does not arrive through a hook. */
    JobExecutor executor();

    /**
     * Sets attributes of the agent's own participant (merged into what it has; an empty value
     * removes a key), e.g. {@code lk.agent.state}. Other participants see them as LiveKit
     * participant attributes.
     */
    void setAttributes(Map<String, String> attributes);

    /** Sets the agent's own participant metadata. LiveKit ignores an empty one: metadata cannot be cleared. */
    void setMetadata(String metadata);

    /**
     * Opens a text stream written in pieces, e.g. an agent transcript that grows as it is spoken;
     * {@link #sendText} sends a whole text at once.
     */
    TextStreamWriter openTextStream(String topic, Map<String, String> attributes, List<String> destinationIdentities);

    /** Sends a text stream (e.g. on {@link #TOPIC_TRANSCRIPTION}) to everyone, or to the identities given. */
    void sendText(String topic, String text, Map<String, String> attributes, List<String> destinationIdentities);

    /**
     * Sends a text stream that clients attribute to another participant, e.g. the transcript of what
     * {@code senderIdentity} said: LiveKit lets agents, and only agents, send a text stream on a
     * participant's behalf, and its clients show it as that participant's.
     */
    void sendTextFor(
            String senderIdentity,
            String topic,
            String text,
            Map<String, String> attributes,
            List<String> destinationIdentities);

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
