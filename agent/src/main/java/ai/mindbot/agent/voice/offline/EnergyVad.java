package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.voice.Vad;

/**
 * A loudness detector: the probability of speech rises smoothly as a window's RMS level passes a
 * threshold in dBFS. Deterministic and free, so unit tests use it, and the agent falls back to it
 * when the Silero model is not installed. It cannot tell speech from any other sound of the same
 * level (music, a fan, a door): that is what {@link SileroVad} is for.
 */
public final class EnergyVad implements Vad {

    /** Silero's window, so the engine's timing is the same whichever detector runs. */
    static final int WINDOW = 512;

    /** Quiet speech into a headset sits around -35 dBFS, a silent room below -55. */
    public static final double DEFAULT_THRESHOLD_DBFS = -45;

    /** dB over which the probability goes from 0.27 to 0.73: a soft edge, not a switch. */
    private static final double SLOPE_DB = 3;

    private final double thresholdDbfs;

    public EnergyVad() {
        this(DEFAULT_THRESHOLD_DBFS);
    }

    public EnergyVad(double thresholdDbfs) {
        if (thresholdDbfs > 0 || thresholdDbfs < -96) {
            throw new IllegalArgumentException("threshold must be between -96 and 0 dBFS: " + thresholdDbfs);
        }
        this.thresholdDbfs = thresholdDbfs;
    }

    @Override
    public int windowSamples() {
        return WINDOW;
    }

    @Override
    public VadStream newStream() {
        return new VadStream() {
            @Override
            public float probability(short[] window) {
                return EnergyVad.this.probability(window);
            }

            @Override
            public void close() {
                // no state
            }
        };
    }

    float probability(short[] window) {
        if (window.length != WINDOW) {
            throw new IllegalArgumentException("window must be " + WINDOW + " samples, was " + window.length);
        }
        double level = dbfs(window);
        return (float) (1 / (1 + Math.exp(-(level - thresholdDbfs) / SLOPE_DB)));
    }

    /** RMS level relative to a full-scale square wave; -inf for digital silence. */
    static double dbfs(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / samples.length);
        return 20 * Math.log10(rms / Short.MAX_VALUE);
    }
}
