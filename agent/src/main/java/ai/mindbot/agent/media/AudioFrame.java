package ai.mindbot.agent.media;

/**
 * A frame of interleaved 16-bit PCM. {@code timestampNanos} is the {@link System#nanoTime()} at
 * which the runtime received (or the agent made) the audio; it lets us measure our own latency.
 */
public record AudioFrame(short[] samples, int sampleRate, int channels, long timestampNanos) {

    public static final int SAMPLE_RATE = 48_000;
    /** Samples per channel in 10 ms at 48 kHz. */
    public static final int SAMPLES_PER_10MS = SAMPLE_RATE / 100;

    public AudioFrame {
        if (channels < 1 || sampleRate < 8_000 || samples.length % channels != 0) {
            throw new IllegalArgumentException("bad audio frame: " + samples.length + " samples, " + channels
                    + " channels, " + sampleRate + " Hz");
        }
    }

    public static AudioFrame mono(short[] samples, long timestampNanos) {
        return new AudioFrame(samples, SAMPLE_RATE, 1, timestampNanos);
    }

    public int samplesPerChannel() {
        return samples.length / channels;
    }

    /** This frame as mono (channels averaged), which is what the agent's track carries. */
    public AudioFrame toMono() {
        if (channels == 1) {
            return this;
        }
        short[] mono = new short[samplesPerChannel()];
        for (int i = 0; i < mono.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[i * channels + c];
            }
            mono[i] = (short) (sum / channels);
        }
        return new AudioFrame(mono, sampleRate, 1, timestampNanos);
    }
}
