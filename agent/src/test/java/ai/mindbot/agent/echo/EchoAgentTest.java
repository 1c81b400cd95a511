package ai.mindbot.agent.echo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.JobInfo;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioMixer;
import ai.mindbot.agent.media.AudioWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EchoAgentTest {

    /** A room that keeps what the agent plays and says, in memory. */
    static final class RecordingRoom implements Room {
        final AudioMixer mixer = new AudioMixer();
        final List<String> texts = new ArrayList<>();
        final List<String> removedAudio = new ArrayList<>();

        @Override
        public JobInfo job() {
            return new JobInfo("AJ_1", "room", "", "");
        }

        @Override
        public String name() {
            return "room";
        }

        @Override
        public String identity() {
            return "agent-AJ_1";
        }

        @Override
        public Collection<Participant> participants() {
            return List.of();
        }

        @Override
        public Optional<Participant> participant(String identity) {
            return Optional.empty();
        }

        @Override
        public AudioWriter audio(String name) {
            return mixer.writer(name);
        }

        @Override
        public void removeAudio(String name) {
            removedAudio.add(name);
            mixer.removeWriter(name);
        }

        @Override
        public void sendText(String topic, String text, Map<String, String> a, List<String> d) {
            texts.add(topic + ":" + text);
        }

        @Override
        public void sendTextFor(String s, String topic, String text, Map<String, String> a, List<String> d) {
            texts.add(topic + ":" + text);
        }

        @Override
        public void sendData(String topic, byte[] payload, boolean reliable, List<String> d) {}

        @Override
        public void removeParticipant(String identity) {}

        @Override
        public void leave() {}

        @Override
        public ai.mindbot.agent.api.Playback playback(String name) {
            throw new AssertionError("unused");
        }

        @Override
        public ai.mindbot.agent.api.JobExecutor executor() {
            throw new AssertionError("unused");
        }

        @Override
        public void setAttributes(Map<String, String> attributes) {}

        @Override
        public void setMetadata(String metadata) {}

        @Override
        public ai.mindbot.agent.api.TextStreamWriter openTextStream(String t, Map<String, String> a, List<String> d) {
            throw new AssertionError("unused");
        }
    }

    private final Participant alice =
            new Participant("PA_a", "alice", "Alice", "", Map.of(), Participant.Kind.STANDARD);
    private final Participant bob = new Participant("PA_b", "bob", "Bob", "", Map.of(), Participant.Kind.STANDARD);

    @Test
    void playsEachFrameBackHalfASecondLater() {
        RecordingRoom room = new RecordingRoom();
        EchoAgent agent = new EchoAgent();
        agent.onJobStart(room);

        List<Short> heard = new ArrayList<>();
        for (int frame = 0; frame < 60; frame++) {
            agent.onAudio(alice, AudioFrame.mono(constant(frame + 1), 0));
            heard.add(room.mixer.mixNext(new long[1])[0]);
        }

        // 50 frames of 10 ms = 500 ms of silence, then frame 1, 2, ... in order
        assertThat(heard.subList(0, 50)).containsOnly((short) 0);
        assertThat(heard.subList(50, 60))
                .containsExactly(
                        (short) 1,
                        (short) 2,
                        (short) 3,
                        (short) 4,
                        (short) 5,
                        (short) 6,
                        (short) 7,
                        (short) 8,
                        (short) 9,
                        (short) 10);
    }

    @Test
    void mixesTwoSpeakersInsteadOfQueueingThemOneAfterTheOther() {
        RecordingRoom room = new RecordingRoom();
        EchoAgent agent = new EchoAgent();
        agent.onJobStart(room);

        short last = 0;
        for (int frame = 0; frame < 51; frame++) {
            agent.onAudio(alice, AudioFrame.mono(constant(100), 0));
            agent.onAudio(bob, AudioFrame.mono(constant(20), 0));
            last = room.mixer.mixNext(new long[1])[0];
        }

        assertThat(last).isEqualTo((short) 120);
        assertThat(room.mixer.writer("alice").queuedFrames()).isZero();
    }

    @Test
    void removesTheEchoOfAParticipantWhoLeft() {
        RecordingRoom room = new RecordingRoom();
        EchoAgent agent = new EchoAgent();
        agent.onJobStart(room);
        for (int frame = 0; frame < 60; frame++) {
            agent.onAudio(alice, AudioFrame.mono(constant(7), 0));
        }
        agent.onAudio(bob, AudioFrame.mono(constant(3), 0));

        agent.onParticipantLeft(alice);

        assertThat(room.removedAudio).containsExactly("alice");
        assertThat(room.mixer.mixNext(new long[1]))
                .as("alice's queued echo is gone")
                .doesNotContain((short) 7);
    }

    @Test
    void echoesChatMessages() {
        RecordingRoom room = new RecordingRoom();
        EchoAgent agent = new EchoAgent();
        agent.onJobStart(room);

        agent.onText(alice, Room.TOPIC_CHAT, "hi");
        agent.onText(alice, "other-topic", "ignored");

        assertThat(room.texts).containsExactly("lk.chat:echo: hi");
    }

    private static short[] constant(int value) {
        short[] samples = new short[AudioFrame.SAMPLES_PER_10MS];
        Arrays.fill(samples, (short) value);
        return samples;
    }
}
