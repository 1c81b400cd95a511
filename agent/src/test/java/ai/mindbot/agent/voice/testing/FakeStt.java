package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A recogniser the test speaks for: it counts the audio it is given and the flushes the engine asks
 * for, and {@link #emit} delivers whatever event the test decides, the way a provider thread would.
 */
public final class FakeStt implements Stt {

    private final List<Stream> streams = new ArrayList<>();
    private final boolean hearsOnlySpeech;

    public FakeStt() {
        this(false);
    }

    /** {@code hearsOnlySpeech}: asks the engine for speech only, as pocketsphinx does. */
    public FakeStt(boolean hearsOnlySpeech) {
        this.hearsOnlySpeech = hearsOnlySpeech;
    }

    @Override
    public boolean hearsOnlySpeech() {
        return hearsOnlySpeech;
    }

    @Override
    public int sampleRate() {
        return 16_000;
    }

    @Override
    public synchronized SttStream stream(Consumer<SttEvent> events) {
        Stream stream = new Stream(events);
        streams.add(stream);
        return stream;
    }

    /** Delivers an event on the newest stream. */
    public void emit(SttEvent event) {
        current().events.accept(event);
    }

    public synchronized Stream current() {
        return streams.get(streams.size() - 1);
    }

    public synchronized int streamsOpened() {
        return streams.size();
    }

    public static final class Stream implements SttStream {
        private final Consumer<SttEvent> events;
        private long samples;
        private int flushes;
        private boolean closed;

        Stream(Consumer<SttEvent> events) {
            this.events = events;
        }

        @Override
        public synchronized void push(short[] audio) {
            samples += audio.length;
        }

        @Override
        public synchronized void flush() {
            flushes++;
        }

        @Override
        public synchronized void close() {
            closed = true;
        }

        public synchronized long samples() {
            return samples;
        }

        public synchronized int flushes() {
            return flushes;
        }

        public synchronized boolean closed() {
            return closed;
        }
    }
}
