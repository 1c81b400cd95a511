package ai.mindbot.agent.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import livekit.LivekitModels.DataPacket;
import org.junit.jupiter.api.Test;

class TextStreamsTest {

    @Test
    void aTextStreamIsAHeaderChunksAndATrailer() {
        List<DataPacket> packets = TextStreams.encode(
                "lk.transcription", "hello", Map.of("lk.transcription_final", "true"), List.of("caller"), 1_000);

        assertThat(packets).hasSize(3);
        assertThat(packets.get(0).getStreamHeader().getTopic()).isEqualTo("lk.transcription");
        assertThat(packets.get(0).getStreamHeader().getMimeType()).isEqualTo("text/plain");
        assertThat(packets.get(0).getStreamHeader().getTotalLength()).isEqualTo(5);
        assertThat(packets.get(0).getStreamHeader().getAttributesMap()).containsEntry("lk.transcription_final", "true");
        assertThat(packets.get(1).getStreamChunk().getContent().toStringUtf8()).isEqualTo("hello");
        assertThat(packets.get(2).hasStreamTrailer()).isTrue();
        assertThat(packets)
                .allSatisfy(p -> assertThat(p.getDestinationIdentitiesList()).containsExactly("caller"));
    }

    @Test
    void reassemblesLongTextWithoutBreakingMultiByteCharacters() {
        String text = "a" + "é".repeat(TextStreams.CHUNK_BYTES); // 2 bytes each, chunk ends fall mid-character
        List<DataPacket> packets = TextStreams.encode("lk.chat", text, Map.of(), List.of(), 1_000);
        TextStreams incoming = new TextStreams();

        Optional<TextStreams.Text> received = Optional.empty();
        for (DataPacket packet : packets) {
            received = incoming.accept(
                    packet.toBuilder().setParticipantIdentity("caller").build());
        }

        assertThat(packets).hasSize(5);
        assertThat(received).hasValueSatisfying(t -> {
            assertThat(t.topic()).isEqualTo("lk.chat");
            assertThat(t.senderIdentity()).isEqualTo("caller");
            assertThat(t.text()).isEqualTo(text);
        });
    }

    @Test
    void ignoresChunksOfStreamsItNeverSawStart() {
        List<DataPacket> packets = TextStreams.encode("lk.chat", "lost header", Map.of(), List.of(), 1_000);
        TextStreams incoming = new TextStreams();

        assertThat(incoming.accept(packets.get(1))).isEmpty();
        assertThat(incoming.accept(packets.get(2))).isEmpty();
    }
}
