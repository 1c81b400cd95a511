package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WavTest {

    @Test
    void findsTheSamplesAfterTheHeaderAndAnyExtraChunks() throws IOException {
        DataInputStream in = stream(wav(16_000, 1, 16, true));
        assertThat(FliteTts.Wav.readHeaderToData(in)).isEqualTo(16_000);
        assertThat(in.readShort()).isEqualTo(Short.reverseBytes((short) 1234));
    }

    @Test
    void refusesWhatIsNotSixteenBitMonoWav() {
        assertThatThrownBy(() -> FliteTts.Wav.readHeaderToData(stream(wav(16_000, 2, 16, false))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("mono");
        assertThatThrownBy(() -> FliteTts.Wav.readHeaderToData(stream("flite: unknown voice".getBytes())))
                .isInstanceOf(IOException.class);
    }

    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static byte[] wav(int rate, int channels, int bits, boolean withListChunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        b.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8))
                .putShort((short) bits);
        if (withListChunk) {
            b.put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0}); // odd size, padded
        }
        b.put("data".getBytes()).putInt(2).putShort((short) 1234);
        out.write(b.array(), 0, b.position());
        return out.toByteArray();
    }
}
