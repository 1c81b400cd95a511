package ai.mindbot.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.agent.rtc.TextStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import livekit.LivekitModels.DataPacket;
import org.junit.jupiter.api.Test;

class JobTextStreamTest {

    private final List<DataPacket> sent = new ArrayList<>();

    @Test
    void aTranscriptWrittenInPiecesArrivesAsOneTextWithItsAttributes() {
        JobTextStream transcript = new JobTextStream(
                "lk.transcription",
                Map.of("lk.segment_id", "SG_1", "lk.transcription_final", "false"),
                List.of(),
                5,
                sent::addAll);
        transcript.write("Your balance ");
        transcript.write("is four hours.");
        assertThat(sent).hasSize(3).noneMatch(DataPacket::hasStreamTrailer);

        transcript.close();

        DataPacket header = sent.get(0);
        assertThat(header.getStreamHeader().getAttributesMap()).containsEntry("lk.segment_id", "SG_1");
        assertThat(header.getStreamHeader().hasTotalLength())
                .as("unknown while writing")
                .isFalse();
        assertThat(sent).allMatch(p -> streamId(p).equals(transcript.id()));
        assertThat(received()).hasValueSatisfying(text -> {
            assertThat(text.topic()).isEqualTo("lk.transcription");
            assertThat(text.text()).isEqualTo("Your balance is four hours.");
        });
    }

    @Test
    void numbersChunksAcrossWrites() {
        JobTextStream stream = new JobTextStream("lk.chat", Map.of(), List.of("caller"), 5, sent::addAll);
        stream.write("a");
        stream.write("b");
        stream.write("c");

        assertThat(sent.subList(1, 4))
                .extracting(p -> p.getStreamChunk().getChunkIndex())
                .containsExactly(0L, 1L, 2L);
        assertThat(sent)
                .allSatisfy(p -> assertThat(p.getDestinationIdentitiesList()).containsExactly("caller"));
    }

    @Test
    void refusesWritesAfterCloseAndClosesOnce() {
        JobTextStream stream = new JobTextStream("lk.chat", Map.of(), List.of(), 5, sent::addAll);
        stream.close();
        stream.close();

        assertThat(sent.stream().filter(DataPacket::hasStreamTrailer)).hasSize(1);
        assertThatThrownBy(() -> stream.write("late")).isInstanceOf(IllegalStateException.class);
    }

    private Optional<TextStreams.Text> received() {
        TextStreams incoming = new TextStreams();
        Optional<TextStreams.Text> text = Optional.empty();
        for (DataPacket packet : sent) {
            text = incoming.accept(
                    packet.toBuilder().setParticipantIdentity("agent-1").build());
        }
        return text;
    }

    private static String streamId(DataPacket p) {
        return p.hasStreamHeader()
                ? p.getStreamHeader().getStreamId()
                : p.hasStreamChunk()
                        ? p.getStreamChunk().getStreamId()
                        : p.getStreamTrailer().getStreamId();
    }
}
