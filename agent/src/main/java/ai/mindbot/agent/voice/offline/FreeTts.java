package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;

/**
 * FreeTTS's kevin16 diphone voice (16 kHz), entirely in Java: robotic, but it needs nothing
 * installed, so it is the fallback when flite is absent and the voice unit tests use.
 *
 * <p>A FreeTTS {@link Voice} is not thread-safe, so one worker thread owns it and texts are spoken
 * in the order given. Audio reaches the caller as FreeTTS writes it, through an {@link AudioPlayer}
 * that delivers instead of playing; cancelling makes that player refuse the next write, which is
 * how FreeTTS itself learns to abandon an utterance.
 */
public final class FreeTts implements Tts, AutoCloseable {

    static final int SAMPLE_RATE = 16_000;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "freetts");
        t.setDaemon(true);
        return t;
    });
    private final Voice voice;
    private final DeliveringPlayer player = new DeliveringPlayer();

    public FreeTts() {
        // Straight from the voice directory: VoiceManager would need the freetts.voices system property.
        Voice kevin16 = null;
        for (Voice v : new KevinVoiceDirectory().getVoices()) {
            if (v.getName().equals("kevin16")) {
                kevin16 = v;
            }
        }
        if (kevin16 == null) {
            throw new IllegalStateException("FreeTTS has no kevin16 voice");
        }
        this.voice = kevin16;
        voice.setAudioPlayer(player);
        voice.allocate();
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public Cancellable synthesize(String text, Consumer<TtsEvent> events) {
        Utterance utterance = new Utterance(events);
        worker.execute(() -> speak(text, utterance));
        return utterance::cancel;
    }

    private void speak(String text, Utterance utterance) {
        if (utterance.cancelled.get()) {
            return;
        }
        try {
            player.current = utterance;
            voice.speak(text);
            if (!utterance.cancelled.get()) {
                utterance.events.accept(new TtsEvent.Done());
            }
        } catch (RuntimeException e) {
            if (!utterance.cancelled.get()) {
                utterance.events.accept(new TtsEvent.Failed(e));
            }
        } finally {
            player.current = null;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        voice.deallocate();
    }

    private static final class Utterance {
        final Consumer<TtsEvent> events;
        final AtomicBoolean cancelled = new AtomicBoolean();

        Utterance(Consumer<TtsEvent> events) {
            this.events = events;
        }

        void cancel() {
            cancelled.set(true);
        }
    }

    /** Receives FreeTTS's PCM and hands it to the utterance being spoken. */
    private static final class DeliveringPlayer implements AudioPlayer {

        volatile Utterance current;
        private AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, true);

        @Override
        public boolean write(byte[] audio, int offset, int length) {
            Utterance utterance = current;
            if (utterance == null || utterance.cancelled.get()) {
                return false; // FreeTTS stops synthesising this utterance
            }
            boolean bigEndian = format.isBigEndian();
            short[] samples = new short[length / 2];
            for (int i = 0; i < samples.length; i++) {
                int hi = audio[offset + 2 * i + (bigEndian ? 0 : 1)];
                int lo = audio[offset + 2 * i + (bigEndian ? 1 : 0)] & 0xff;
                samples[i] = (short) ((hi << 8) | lo);
            }
            if (samples.length > 0) {
                utterance.events.accept(new TtsEvent.Audio(samples));
            }
            return !utterance.cancelled.get();
        }

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public void setAudioFormat(AudioFormat format) {
            if (format.getSampleRate() != SAMPLE_RATE
                    || format.getSampleSizeInBits() != 16
                    || format.getChannels() != 1) {
                throw new IllegalStateException("FreeTTS voice speaks " + format + ", expected 16 kHz 16-bit mono");
            }
            this.format = format;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void cancel() {
            Utterance utterance = current;
            if (utterance != null) {
                utterance.cancel();
            }
        }

        // Playback controls have no meaning for a player that only delivers.
        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void reset() {}

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {}

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void close() {}

        @Override
        public float getVolume() {
            return 1;
        }

        @Override
        public void setVolume(float volume) {}

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {}

        @Override
        public void startFirstSampleTimer() {}

        @Override
        public void showMetrics() {}
    }
}
