package ai.mindbot.agent.voice;

/**
 * Voice activity detection on 16 kHz mono audio, a window at a time. The detector only says how
 * likely a window is speech; thresholds and durations (when speech starts and stops) are the
 * engine's, the same for every detector.
 */
public interface Vad {

    int SAMPLE_RATE = 16_000;

    /** Samples per window at {@link #SAMPLE_RATE} (Silero: 512, i.e. 32 ms). */
    int windowSamples();

    /** A detector with its own state for one audio stream. */
    VadStream newStream();

    /** One participant's detector state. Used from one thread at a time. */
    interface VadStream extends AutoCloseable {

        /** The probability, 0 to 1, that {@code window} (exactly {@link #windowSamples()} samples) is speech. */
        float probability(short[] window);

        @Override
        void close();
    }
}
