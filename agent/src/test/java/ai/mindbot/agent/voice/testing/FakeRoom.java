package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.JobInfo;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.api.TextStreamWriter;
import ai.mindbot.agent.media.AudioWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Room} for engine tests: the manual executor, {@link FakePlayback}s, and a record of the
 * agent's attributes and of every text sent or streamed.
 */
public final class FakeRoom implements Room {

    /** A text that went out: whole ({@code sendText}) or the content of a stream, and its attributes. */
    public record SentText(String topic, Map<String, String> attributes, StringBuilder text, boolean[] closed) {
        public String content() {
            return text.toString();
        }

        public boolean isClosed() {
            return closed[0];
        }
    }

    private final ManualExecutor executor;
    private final Map<String, FakePlayback> playbacks = new HashMap<>();
    private final List<String> agentStates = new ArrayList<>();
    private final List<SentText> texts = new ArrayList<>();
    private final List<Participant> participants = new ArrayList<>();
    private boolean left;

    public FakeRoom(ManualExecutor executor) {
        this.executor = executor;
    }

    public void addParticipant(Participant p) {
        participants.add(p);
    }

    @Override
    public JobInfo job() {
        return new JobInfo("job-1", "room-1", "", "");
    }

    @Override
    public String name() {
        return "room-1";
    }

    @Override
    public String identity() {
        return "agent-job-1";
    }

    @Override
    public Collection<Participant> participants() {
        return List.copyOf(participants);
    }

    @Override
    public Optional<Participant> participant(String identity) {
        return participants.stream().filter(p -> p.identity().equals(identity)).findFirst();
    }

    @Override
    public AudioWriter audio(String name) {
        throw new UnsupportedOperationException("the voice engine speaks through playback(), not audio()");
    }

    @Override
    public synchronized FakePlayback playback(String name) {
        return playbacks.computeIfAbsent(name, n -> new FakePlayback(executor));
    }

    @Override
    public JobExecutor executor() {
        return executor;
    }

    @Override
    public synchronized void setAttributes(Map<String, String> attributes) {
        String state = attributes.get(ATTRIBUTE_AGENT_STATE);
        if (state != null) {
            agentStates.add(state);
        }
    }

    @Override
    public void setMetadata(String metadata) {}

    @Override
    public synchronized TextStreamWriter openTextStream(
            String topic, Map<String, String> attributes, List<String> destinationIdentities) {
        SentText sent = new SentText(topic, Map.copyOf(attributes), new StringBuilder(), new boolean[1]);
        texts.add(sent);
        return new TextStreamWriter() {
            @Override
            public String id() {
                return "TS_" + texts.indexOf(sent);
            }

            @Override
            public void write(String text) {
                synchronized (FakeRoom.this) {
                    sent.text.append(text);
                }
            }

            @Override
            public void close() {
                sent.closed[0] = true;
            }
        };
    }

    @Override
    public synchronized void sendText(
            String topic, String text, Map<String, String> attributes, List<String> destinationIdentities) {
        texts.add(new SentText(topic, Map.copyOf(attributes), new StringBuilder(text), new boolean[] {true}));
    }

    /** Kept like {@link #sendText}; the sender is recorded in the attributes under {@code sender} for tests. */
    @Override
    public synchronized void sendTextFor(
            String sender,
            String topic,
            String text,
            Map<String, String> attributes,
            List<String> destinationIdentities) {
        Map<String, String> withSender = new HashMap<>(attributes);
        withSender.put(SENDER, sender);
        texts.add(new SentText(topic, Map.copyOf(withSender), new StringBuilder(text), new boolean[] {true}));
    }

    /** Every participant's audio track is {@code TR_<identity>} here. */
    @Override
    public Optional<String> audioTrackSid(String identity) {
        return Optional.of("TR_" + identity);
    }

    /** The pseudo-attribute under which {@link #sendTextFor} records whom the text was sent for. */
    public static final String SENDER = "test.sender";

    @Override
    public void sendData(String topic, byte[] payload, boolean reliable, List<String> destinationIdentities) {}

    @Override
    public void removeParticipant(String identity) {}

    @Override
    public void leave() {
        left = true;
    }

    public boolean left() {
        return left;
    }

    /** Every value {@code lk.agent.state} was set to, in order. */
    public synchronized List<String> agentStates() {
        return List.copyOf(agentStates);
    }

    public synchronized List<SentText> texts(String topic) {
        return texts.stream().filter(t -> t.topic().equals(topic)).toList();
    }
}
