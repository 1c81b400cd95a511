package ai.mindbot.agent.media;

import java.util.Arrays;

/**
 * Streaming sample-rate conversion of mono 16-bit PCM between any two rates whose ratio reduces to
 * small integers (16, 22.05, 24 and 48 kHz all do): a polyphase windowed-sinc filter, precomputed
 * once, so a sample costs a few dozen multiply-adds and no trigonometry. Down-sampling low-passes
 * below the new Nyquist frequency first, so 48 kHz speech taken to 16 kHz for a recogniser does not
 * fold its high frequencies back into the voice band.
 *
 * <p>Keeps the tail of its input between calls (the filter looks {@code halfTaps} samples ahead), so
 * output lags input by that much. Not thread-safe: one per stream.
 */
public final class Resampler {

    /** Zero crossings of the sinc on each side: 8 gives > 60 dB stop-band with the Blackman window. */
    private static final int ZERO_CROSSINGS = 8;

    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final int halfTaps;
    private final float[][] phases;
    private float[] pending = new float[0];
    /** Absolute index of pending[0] in the input stream. */
    private long pendingStart;
    /** Index of the next output sample. */
    private long nextOut;

    public Resampler(int inRate, int outRate) {
        if (inRate < 1000 || outRate < 1000) {
            throw new IllegalArgumentException("rates must be at least 1000 Hz: " + inRate + " -> " + outRate);
        }
        int g = gcd(inRate, outRate);
        this.inRate = inRate;
        this.outRate = outRate;
        this.up = outRate / g;
        this.down = inRate / g;
        if (up > 4096) {
            throw new IllegalArgumentException("unsupported rate ratio " + inRate + " -> " + outRate);
        }
        double cutoff = Math.min(1.0, (double) up / down) * 0.92; // of the input's Nyquist, with a guard band
        this.halfTaps = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.phases = new float[up][2 * halfTaps];
        for (int p = 0; p < up; p++) {
            double sum = 0;
            for (int j = 0; j < 2 * halfTaps; j++) {
                double t = halfTaps - 1 - j + (double) p / up;
                double v = cutoff * sinc(cutoff * t) * blackman(t / halfTaps);
                phases[p][j] = (float) v;
                sum += v;
            }
            for (int j = 0; j < 2 * halfTaps; j++) {
                phases[p][j] /= (float) sum; // unity gain at DC in every phase
            }
        }
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** Converts the next piece of the stream; returns what can be computed so far (maybe empty). */
    public short[] process(short[] input) {
        if (up == down) {
            return input.clone();
        }
        float[] buffer = new float[pending.length + input.length];
        System.arraycopy(pending, 0, buffer, 0, pending.length);
        for (int i = 0; i < input.length; i++) {
            buffer[pending.length + i] = input[i];
        }
        long available = pendingStart + buffer.length; // inputs known: [0, available)
        // output n sits at input position n*down/up and needs inputs up to floor(that) + halfTaps
        long lastOut = Math.floorDiv((available - halfTaps - 1) * up + up - 1, down);
        int count = (int) Math.max(0, lastOut - nextOut + 1);
        short[] out = new short[count];
        for (int i = 0; i < count; i++, nextOut++) {
            long position = nextOut * down;
            long base = position / up;
            float[] coefficients = phases[(int) (position % up)];
            long first = base - halfTaps + 1;
            double acc = 0;
            for (int j = 0; j < coefficients.length; j++) {
                long k = first + j;
                if (k >= pendingStart) { // before the stream began counts as silence
                    acc += coefficients[j] * buffer[(int) (k - pendingStart)];
                }
            }
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        // keep what the next output still needs
        long keepFrom = Math.max(pendingStart, nextOut * down / up - halfTaps + 1);
        int drop = (int) Math.min(buffer.length, keepFrom - pendingStart);
        pending = Arrays.copyOfRange(buffer, drop, buffer.length);
        pendingStart += drop;
        return out;
    }

    /**
     * Ends the stream: returns the samples the filter's look-ahead still held back (the input's end
     * padded with silence), so that the whole stream came out as {@code inputs * outRate / inRate}
     * samples. Without it the last {@code halfTaps} input samples (a few ms) would never play.
     * The resampler is spent afterwards.
     */
    public short[] drain() {
        if (up == down) {
            return new short[0];
        }
        long inputs = pendingStart + pending.length;
        long owed = Math.floorDiv(inputs * up, down) - nextOut;
        if (owed <= 0) {
            return new short[0];
        }
        short[] tail = process(new short[halfTaps + 1]);
        return Arrays.copyOf(tail, (int) Math.min(owed, tail.length));
    }

    /** Converts a whole clip at once, including its last {@code halfTaps} samples (padded with silence). */
    public static short[] convert(short[] clip, int inRate, int outRate) {
        Resampler r = new Resampler(inRate, outRate);
        short[] head = r.process(clip);
        short[] tail = r.process(new short[r.halfTaps + 1]);
        int expected = (int) ((long) clip.length * outRate / inRate);
        short[] out = new short[Math.min(expected, head.length + tail.length)];
        int fromHead = Math.min(head.length, out.length);
        System.arraycopy(head, 0, out, 0, fromHead);
        System.arraycopy(tail, 0, out, fromHead, out.length - fromHead);
        return out;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Blackman window on [-1, 1]. */
    private static double blackman(double x) {
        if (Math.abs(x) >= 1) {
            return 0;
        }
        double a = Math.PI * (x + 1); // 0..2π across the window
        return 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
