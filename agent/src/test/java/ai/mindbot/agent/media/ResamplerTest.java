package ai.mindbot.agent.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void keepsAVoiceBandToneWhenDownsampling48To16() {
        short[] out = Resampler.convert(tone(1000, 48_000, 1.0, 10_000), 48_000, 16_000);
        assertThat(out).hasSize(16_000);
        assertThat(rms(out, 200)).isCloseTo(10_000 / Math.sqrt(2), within(150.0));
        assertThat(dominantFrequency(out, 16_000)).isCloseTo(1000, within(5.0));
    }

    @Test
    void removesWhatWouldFoldBackBelowTheNewNyquist() {
        // 10 kHz cannot exist at 16 kHz; without the low-pass it would alias to 6 kHz at full level
        short[] out = Resampler.convert(tone(10_000, 48_000, 1.0, 10_000), 48_000, 16_000);
        assertThat(rms(out, 200)).isLessThan(10_000 / Math.sqrt(2) / 100); // more than 40 dB down
    }

    @Test
    void upsamples24And22050To48WithTheSamePitchAndLevel() {
        for (int rate : new int[] {16_000, 22_050, 24_000}) {
            short[] out = Resampler.convert(tone(440, rate, 1.0, 8_000), rate, 48_000);
            assertThat(out.length).isBetween(47_990, 48_000);
            assertThat(dominantFrequency(out, 48_000)).isCloseTo(440, within(3.0));
            assertThat(rms(out, 500)).isCloseTo(8_000 / Math.sqrt(2), within(120.0));
        }
    }

    @Test
    void streamingInPiecesGivesTheSameSamplesAsOneCall() {
        short[] in = tone(700, 24_000, 0.5, 5_000);
        short[] whole = new Resampler(24_000, 48_000).process(in);
        Resampler streaming = new Resampler(24_000, 48_000);
        short[] joined = new short[0];
        for (int at = 0; at < in.length; at += 241) {
            short[] piece = Arrays.copyOfRange(in, at, Math.min(in.length, at + 241));
            short[] out = streaming.process(piece);
            short[] grown = Arrays.copyOf(joined, joined.length + out.length);
            System.arraycopy(out, 0, grown, joined.length, out.length);
            joined = grown;
        }
        assertThat(joined).isEqualTo(whole);
    }

    @Test
    void drainingAStreamGivesItsWholeLengthLikeConvertingTheClipAtOnce() {
        short[] in = tone(500, 24_000, 0.25, 5_000);
        Resampler streaming = new Resampler(24_000, 48_000);
        short[] head = streaming.process(in);
        short[] tail = streaming.drain();

        short[] joined = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        assertThat(joined).isEqualTo(Resampler.convert(in, 24_000, 48_000)).hasSize(12_000);
    }

    @Test
    void sameRateIsACopy() {
        short[] in = {1, 2, 3};
        assertThat(new Resampler(48_000, 48_000).process(in)).containsExactly(1, 2, 3);
    }

    static short[] tone(double hz, int rate, double seconds, int amplitude) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** RMS away from the edges, where the filter starts and ends on silence. */
    static double rms(short[] s, int skip) {
        double sum = 0;
        int n = 0;
        for (int i = skip; i < s.length - skip; i++, n++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / n);
    }

    /** Frequency from zero crossings: enough for a single clean tone. */
    static double dominantFrequency(short[] s, int rate) {
        int crossings = 0;
        for (int i = 1; i < s.length; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / ((double) s.length / rate);
    }
}
