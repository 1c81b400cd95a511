package ai.mindbot.agent.voice;

import java.time.Duration;

/**
 * Turns a {@link Vad}'s per-window probabilities into "the user started speaking" and "the user
 * stopped", with the thresholds and durations of {@link VoiceOptions}: speech starts after
 * {@code minSpeech} of windows at or above the activation threshold, and stops after
 * {@code minSilence} below the (lower) deactivation threshold, so a flicker between words does not
 * end the turn. Works on 16 kHz audio in any piece size. Not thread-safe (job thread only).
 */
final class VoiceDetector implements AutoCloseable {

    interface Listener {
        void speechStarted();

        /** {@code lastVoiceNanos}: job-clock time of the last window that was speech. */
        void speechStopped(long lastVoiceNanos);
    }

    private final Vad.VadStream stream;
    private final short[] window;
    private final long minSpeechSamples;
    private final long minSilenceSamples;
    private final double activation;
    private final double deactivation;
    private final Listener listener;
    private int filled;
    private boolean speaking;
    private long speechRun;
    private long silenceRun;
    private long lastVoiceNanos;

    VoiceDetector(Vad vad, VoiceOptions options, Listener listener) {
        this.stream = vad.newStream();
        this.window = new short[vad.windowSamples()];
        this.minSpeechSamples = samples(options.minSpeech());
        this.minSilenceSamples = samples(options.minSilence());
        this.activation = options.activationThreshold();
        this.deactivation = options.deactivationThreshold();
        this.listener = listener;
    }

    boolean speaking() {
        return speaking;
    }

    /** 16 kHz mono audio that arrived at {@code nowNanos} on the job's clock. */
    void push(short[] samples, long nowNanos) {
        int offset = 0;
        while (offset < samples.length) {
            int n = Math.min(window.length - filled, samples.length - offset);
            System.arraycopy(samples, offset, window, filled, n);
            filled += n;
            offset += n;
            if (filled == window.length) {
                filled = 0;
                classify(stream.probability(window), nowNanos);
            }
        }
    }

    private void classify(float probability, long nowNanos) {
        if (!speaking) {
            speechRun = probability >= activation ? speechRun + window.length : 0;
            if (speechRun >= minSpeechSamples) {
                speaking = true;
                silenceRun = 0;
                lastVoiceNanos = nowNanos;
                listener.speechStarted();
            }
            return;
        }
        if (probability < deactivation) {
            silenceRun += window.length;
            if (silenceRun >= minSilenceSamples) {
                speaking = false;
                speechRun = 0;
                listener.speechStopped(lastVoiceNanos);
            }
        } else {
            silenceRun = 0;
            lastVoiceNanos = nowNanos;
        }
    }

    private static long samples(Duration d) {
        return d.toMillis() * Vad.SAMPLE_RATE / 1000;
    }

    @Override
    public void close() {
        stream.close();
    }
}
