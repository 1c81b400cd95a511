package ai.mindbot.agent.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AudioMixerTest {

    private final AudioMixer mixer = new AudioMixer();
    private final long[] timestamp = new long[1];

    @Test
    void playsSilenceWhenNobodyWrote() {
        short[] frame = mixer.mixNext(timestamp);

        assertThat(frame).hasSize(480).containsOnly((short) 0);
        assertThat(timestamp[0]).isZero();
    }

    @Test
    void cutsWritesOfAnySizeIntoTenMillisecondFrames() {
        AudioWriter writer = mixer.writer("voice");
        writer.write(AudioFrame.mono(filled(300, 1), 11));
        assertThat(writer.queuedFrames()).isZero();

        writer.write(AudioFrame.mono(filled(900, 2), 22));

        assertThat(writer.queuedFrames()).isEqualTo(2);
        short[] first = mixer.mixNext(timestamp);
        assertThat(first[0]).isEqualTo((short) 1);
        assertThat(first[299]).isEqualTo((short) 1);
        assertThat(first[300]).isEqualTo((short) 2);
        assertThat(timestamp[0]).isEqualTo(11);
    }

    @Test
    void sumsWritersAndClipsInsteadOfWrappingAround() {
        mixer.writer("a").write(AudioFrame.mono(filled(480, 30_000), 5));
        mixer.writer("b").write(AudioFrame.mono(filled(480, 10_000), 3));

        short[] mixed = mixer.mixNext(timestamp);

        assertThat(mixed).containsOnly(Short.MAX_VALUE);
        assertThat(timestamp[0]).isEqualTo(3);
    }

    @Test
    void mixesStereoDownToMono() {
        short[] stereo = new short[960];
        for (int i = 0; i < 480; i++) {
            stereo[2 * i] = 100;
            stereo[2 * i + 1] = 300;
        }
        mixer.writer("s").write(new AudioFrame(stereo, 48_000, 2, 1));

        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 200);
    }

    @Test
    void dropsTheOldestAudioRatherThanGrowingLatencyWithoutBound() {
        AudioWriter writer = mixer.writer("flood");
        for (int i = 0; i < AudioWriter.MAX_QUEUED_FRAMES + 10; i++) {
            writer.write(AudioFrame.mono(filled(480, i), i + 1));
        }

        assertThat(writer.queuedFrames()).isEqualTo(AudioWriter.MAX_QUEUED_FRAMES);
        assertThat(writer.droppedFrames()).isEqualTo(10);
        assertThat(mixer.mixNext(timestamp)[0]).isEqualTo((short) 10);
    }

    @Test
    void aLiveWriterKeepsOnlyItsLatencyLimitQueued() {
        AudioWriter live = mixer.writer("live").limit(Duration.ofMillis(50));
        for (int i = 0; i < 20; i++) {
            live.write(AudioFrame.mono(filled(480, i), i + 1));
        }

        assertThat(live.queuedFrames()).isEqualTo(5);
        assertThat(live.droppedFrames()).isEqualTo(15);
        assertThat(mixer.mixNext(timestamp)[0]).isEqualTo((short) 15);
    }

    @Test
    void refusesOtherSampleRates() {
        assertThatThrownBy(() -> mixer.writer("x").write(new AudioFrame(new short[160], 16_000, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static short[] filled(int length, int value) {
        short[] samples = new short[length];
        Arrays.fill(samples, (short) value);
        return samples;
    }
}
