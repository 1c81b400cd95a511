package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.api.TextStreamWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's caption for one speech: a text stream on {@code lk.transcription} that grows a
 * sentence at a time, each written when its audio starts to play (not when it was synthesised,
 * which is often seconds earlier), so captions never run ahead of the voice. Job thread only.
 */
final class SpeechTranscript {

    private static final Logger log = LoggerFactory.getLogger(SpeechTranscript.class);

    private final Room room;
    private final JobExecutor executor;
    private final String segmentId;
    private final List<Sentence> sentences;
    private final IntConsumer written;
    private final List<Cancellable> timers = new ArrayList<>();
    private int scheduledUpTo;
    private int writtenUpTo;
    private TextStreamWriter stream;
    private boolean closed;

    /** {@code written} hears the index of each sentence as it is written. */
    SpeechTranscript(Room room, String segmentId, List<Sentence> sentences, IntConsumer written) {
        this.room = room;
        this.executor = room.executor();
        this.segmentId = segmentId;
        this.sentences = sentences;
        this.written = written;
    }

    /** Sentence {@code index}'s audio was queued and starts playing in {@code ahead}. */
    void queued(int index, Duration ahead) {
        if (closed || index < scheduledUpTo) {
            return;
        }
        scheduledUpTo = index + 1;
        Cancellable[] timer = new Cancellable[1];
        timer[0] = executor.schedule(
                () -> {
                    timers.remove(timer[0]);
                    write(index);
                },
                ahead);
        timers.add(timer[0]);
    }

    /** The playback was cleared: sentences not yet heard are scheduled again when it resumes. */
    void paused() {
        timers.forEach(Cancellable::cancel);
        timers.clear();
        scheduledUpTo = writtenUpTo;
    }

    void close() {
        paused();
        closed = true;
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                log.debug("closing the transcript stream failed", e);
            }
        }
    }

    private void write(int index) {
        if (closed || index < writtenUpTo) {
            return;
        }
        if (stream == null) {
            // Agent text only grows in step with the audio and is never revised, hence final.
            Map<String, String> attributes =
                    new HashMap<>(Map.of(Transcripts.SEGMENT_ID, segmentId, Transcripts.FINAL, "true"));
            room.audioTrackSid(room.identity()).ifPresent(track -> attributes.put(Transcripts.TRACK_ID, track));
            stream = room.openTextStream(Room.TOPIC_TRANSCRIPTION, attributes, List.of());
        }
        for (int i = writtenUpTo; i <= index && i < sentences.size(); i++) {
            stream.write((i == 0 ? "" : " ") + sentences.get(i).text);
        }
        writtenUpTo = index + 1;
        written.accept(index);
    }
}
