package ai.mindbot.agent.local;

import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.Pcm;
import ai.mindbot.agent.media.Resampler;
import javax.sound.sampled.AudioFormat;

/**
 * Between a Java Sound line's format (16-bit little-endian, one of {@link LineChoice#FORMATS}) and the
 * engine's 48 kHz mono. One direction per instance: the resampler keeps state across calls.
 */
final class LinePcm {

    private final int rate;
    private final int channels;
    private final Resampler resampler;

    private LinePcm(int rate, int channels, Resampler resampler) {
        this.rate = rate;
        this.channels = channels;
        this.resampler = resampler;
    }

    /** For a capture line: its audio to 48 kHz mono. */
    static LinePcm fromLine(AudioFormat format) {
        int rate = (int) format.getSampleRate();
        return new LinePcm(
                rate,
                format.getChannels(),
                rate == AudioFrame.SAMPLE_RATE ? null : new Resampler(rate, AudioFrame.SAMPLE_RATE));
    }

    /** For a playback line: 48 kHz mono to its audio. */
    static LinePcm toLine(AudioFormat format) {
        int rate = (int) format.getSampleRate();
        return new LinePcm(
                rate,
                format.getChannels(),
                rate == AudioFrame.SAMPLE_RATE ? null : new Resampler(AudioFrame.SAMPLE_RATE, rate));
    }

    /** Bytes a line of this format holds for {@code millis} of audio. */
    static int bytesFor(AudioFormat format, int millis) {
        return (int) Math.ceil(format.getSampleRate() * millis / 1000.0) * format.getChannels() * 2;
    }

    /** {@code length} bytes read from a capture line as 48 kHz mono samples (the resampler may hold a few back). */
    short[] engineSamples(byte[] bytes, int length) {
        short[] interleaved = Pcm.fromLittleEndian(bytes, length / 2);
        short[] mono = new AudioFrame(interleaved, rate, channels, 0).toMono().samples();
        return resampler == null ? mono : resampler.process(mono);
    }

    /** 48 kHz mono samples as bytes for a playback line, each sample repeated on every channel. */
    byte[] lineBytes(short[] samples48k) {
        short[] mono = resampler == null ? samples48k : resampler.process(samples48k);
        short[] interleaved = new short[mono.length * channels];
        for (int i = 0; i < mono.length; i++) {
            for (int c = 0; c < channels; c++) {
                interleaved[i * channels + c] = mono[i];
            }
        }
        byte[] bytes = new byte[interleaved.length * 2];
        Pcm.toLittleEndian(interleaved, bytes);
        return bytes;
    }
}
