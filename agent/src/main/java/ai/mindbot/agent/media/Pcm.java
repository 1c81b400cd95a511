package ai.mindbot.agent.media;

/** Conversions between the little-endian byte layout webrtc-java uses and Java samples. */
public final class Pcm {

    private Pcm() {}

    public static short[] fromLittleEndian(byte[] bytes, int sampleCount) {
        short[] samples = new short[sampleCount];
        for (int i = 0; i < sampleCount; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return samples;
    }

    public static void toLittleEndian(short[] samples, byte[] into) {
        for (int i = 0; i < samples.length; i++) {
            into[2 * i] = (byte) samples[i];
            into[2 * i + 1] = (byte) (samples[i] >> 8);
        }
    }

    static short clip(int sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }
}
