package ai.mindbot.agent.local;

import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.JobInfo;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Playback;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.api.TextStreamWriter;
import ai.mindbot.agent.media.AudioMixer;
import ai.mindbot.agent.media.AudioWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A {@link Room} on this machine with one participant, the person at the terminal. The agent's voices
 * are mixed as in a LiveKit room ({@link #mixer()}, played by {@link LocalAudio}); captions on
 * {@code lk.transcription} are printed, the person's once final ("You: ...") and the agent's as each
 * sentence starts to play ("MindBot: ..."); removing the person ends the call. Other text, data and
 * attributes have nobody to go to and are dropped.
 */
public final class LocalRoom implements Room {

    private static final String FINAL = "lk.transcription_final";

    private final String name;
    private final Participant person;
    private final String agentName;
    private final JobExecutor executor;
    private final Consumer<String> print;
    private final Runnable personRemoved;
    private final AudioMixer mixer = new AudioMixer();

    /**
     * @param agentName     how the agent's captions are labelled
     * @param print         prints one caption line
     * @param personRemoved the agent removed the person (e.g. their time ran out): the call is over
     */
    public LocalRoom(
            String name,
            Participant person,
            String agentName,
            JobExecutor executor,
            Consumer<String> print,
            Runnable personRemoved) {
        this.name = name;
        this.person = person;
        this.agentName = agentName;
        this.executor = executor;
        this.print = print;
        this.personRemoved = personRemoved;
    }

    /** The agent's outgoing audio, for {@link LocalAudio} to play. */
    public AudioMixer mixer() {
        return mixer;
    }

    @Override
    public JobInfo job() {
        return new JobInfo("local", name, "", "");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String identity() {
        return "agent-local";
    }

    @Override
    public Collection<Participant> participants() {
        return List.of(person);
    }

    @Override
    public Optional<Participant> participant(String identity) {
        return person.identity().equals(identity) ? Optional.of(person) : Optional.empty();
    }

    @Override
    public AudioWriter audio(String writer) {
        return mixer.writer(writer);
    }

    @Override
    public void removeAudio(String writer) {
        mixer.removeWriter(writer);
    }

    @Override
    public Playback playback(String voice) {
        return mixer.playback(voice, executor);
    }

    @Override
    public JobExecutor executor() {
        return executor;
    }

    @Override
    public void setAttributes(Map<String, String> attributes) {}

    @Override
    public void setMetadata(String metadata) {}

    @Override
    public TextStreamWriter openTextStream(
            String topic, Map<String, String> attributes, List<String> destinationIdentities) {
        String id = "TS_" + UUID.randomUUID();
        boolean caption = TOPIC_TRANSCRIPTION.equals(topic);
        return new TextStreamWriter() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void write(String text) {
                if (caption && !text.isBlank()) {
                    print.accept(agentName + ": " + text.strip());
                }
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void sendText(
            String topic, String text, Map<String, String> attributes, List<String> destinationIdentities) {
        if (TOPIC_TRANSCRIPTION.equals(topic) && !text.isBlank()) {
            print.accept(agentName + ": " + text.strip());
        }
    }

    @Override
    public void sendTextFor(
            String senderIdentity,
            String topic,
            String text,
            Map<String, String> attributes,
            List<String> destinationIdentities) {
        // interim captions would scroll the terminal; the final one says what was understood
        if (TOPIC_TRANSCRIPTION.equals(topic) && "true".equals(attributes.get(FINAL)) && !text.isBlank()) {
            print.accept("You: " + text.strip());
        }
    }

    @Override
    public void sendData(String topic, byte[] payload, boolean reliable, List<String> destinationIdentities) {}

    @Override
    public void removeParticipant(String identity) {
        if (person.identity().equals(identity)) {
            personRemoved.run();
        }
    }

    @Override
    public void leave() {
        personRemoved.run();
    }
}
