package ai.mindbot.agent.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmTest {

    @Test
    void roundTripsLittleEndianSamples() {
        short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 0x1234};
        byte[] bytes = new byte[samples.length * 2];

        Pcm.toLittleEndian(samples, bytes);

        assertThat(bytes[10]).isEqualTo((byte) 0x34);
        assertThat(bytes[11]).isEqualTo((byte) 0x12);
        assertThat(Pcm.fromLittleEndian(bytes, samples.length)).containsExactly(samples);
    }
}
