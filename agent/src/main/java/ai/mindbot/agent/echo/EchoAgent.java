package ai.mindbot.agent.echo;

import ai.mindbot.agent.api.Agent;
import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays every participant's microphone back into the room {@link #DELAY} later. Each participant
 * gets its own delay line and its own input of the agent's track, so two speakers are mixed, not
 * interleaved. Chat messages ({@code lk.chat}) and data packets are echoed too, to test both ways.
 */
public final class EchoAgent implements Agent {

    public static final Duration DELAY = Duration.ofMillis(500);
    /** Echo is live audio: when the output falls behind, drop rather than drift past this. */
    static final Duration MAX_EXTRA_LATENCY = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(EchoAgent.class);

    private final Map<String, DelayLine> delays = new HashMap<>();
    private Room room;

    @Override
    public void onJobStart(Room room) {
        this.room = room;
        log.info("echo agent joined room {} as {}", room.name(), room.identity());
    }

    @Override
    public void onAudio(Participant from, AudioFrame frame) {
        AudioFrame mono = frame.toMono();
        DelayLine line = delays.computeIfAbsent(
                from.identity(), id -> new DelayLine((int) (mono.sampleRate() * DELAY.toMillis() / 1000)));
        short[] delayed = line.push(mono.samples());
        room.audio(from.identity())
                .limit(MAX_EXTRA_LATENCY)
                .write(new AudioFrame(delayed, mono.sampleRate(), 1, frame.timestampNanos()));
    }

    @Override
    public void onText(Participant from, String topic, String text) {
        if (Room.TOPIC_CHAT.equals(topic)) {
            room.sendText(Room.TOPIC_CHAT, "echo: " + text);
        }
    }

    /** Data packets go back to their sender only, on the same topic. */
    @Override
    public void onData(Participant from, String topic, byte[] payload) {
        room.sendData(topic, payload, true, List.of(from.identity()));
    }

    @Override
    public void onParticipantLeft(Participant participant) {
        delays.remove(participant.identity());
        room.removeAudio(participant.identity()); // its echo writer would otherwise stay in the mix for good
    }

    @Override
    public void onJobEnd(JobEnd end) {
        log.info("echo agent left room {}: {}", room == null ? "?" : room.name(), end.reason());
    }
}
