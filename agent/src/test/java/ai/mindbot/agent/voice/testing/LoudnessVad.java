package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.voice.Vad;

/**
 * A deterministic voice detector for tests: a window whose RMS is above a fixed level is "speech"
 * (0.95), anything quieter silence (0.02). Silero-sized windows (512 samples, 32 ms).
 */
public final class LoudnessVad implements Vad {

    public static final double SPEECH_RMS = 500;

    @Override
    public int windowSamples() {
        return 512;
    }

    @Override
    public VadStream newStream() {
        return new VadStream() {
            @Override
            public float probability(short[] window) {
                double sum = 0;
                for (short s : window) {
                    sum += (double) s * s;
                }
                return Math.sqrt(sum / window.length) > SPEECH_RMS ? 0.95f : 0.02f;
            }

            @Override
            public void close() {}
        };
    }
}
