package ai.mindbot.agent.rtc;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DataStream;

/**
 * LiveKit text streams over data packets: a header (topic, mime type), chunks, then a trailer.
 * {@link #accept} assembles incoming streams; {@link #encode} cuts outgoing text into packets.
 */
public final class TextStreams {

    /** A complete incoming text stream. */
    public record Text(String senderIdentity, String topic, String text) {}

    /** Bytes per chunk: LiveKit's SDKs stay under 15 kB so a packet fits the data channel comfortably. */
    static final int CHUNK_BYTES = 15_000;

    private final Map<String, Incoming> open = new HashMap<>();

    private static final class Incoming {
        final String sender;
        final DataStream.Header header;
        final ByteArrayOutputStream content = new ByteArrayOutputStream();

        Incoming(String sender, DataStream.Header header) {
            this.sender = sender;
            this.header = header;
        }
    }

    /** Feeds one packet; returns the text when this packet completed a text stream. */
    public Optional<Text> accept(DataPacket packet) {
        switch (packet.getValueCase()) {
            case STREAM_HEADER -> {
                DataStream.Header header = packet.getStreamHeader();
                if (header.hasTextHeader()) {
                    open.put(header.getStreamId(), new Incoming(packet.getParticipantIdentity(), header));
                }
            }
            case STREAM_CHUNK -> {
                Incoming stream = open.get(packet.getStreamChunk().getStreamId());
                if (stream != null) {
                    stream.content.writeBytes(
                            packet.getStreamChunk().getContent().toByteArray());
                }
            }
            case STREAM_TRAILER -> {
                Incoming stream = open.remove(packet.getStreamTrailer().getStreamId());
                if (stream != null) {
                    return Optional.of(new Text(
                            stream.sender, stream.header.getTopic(), stream.content.toString(StandardCharsets.UTF_8)));
                }
            }
            default -> {
                // not part of a stream
            }
        }
        return Optional.empty();
    }

    /** The packets of one outgoing text stream: header, chunks cut on character boundaries, trailer. */
    public static List<DataPacket> encode(
            String topic, String text, Map<String, String> attributes, List<String> destinations, long nowMillis) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Outgoing stream = new Outgoing(destinations);
        List<DataPacket> packets = new ArrayList<>();
        packets.add(stream.header(topic, attributes, nowMillis, bytes.length));
        packets.addAll(stream.chunks(bytes));
        packets.add(stream.trailer());
        return packets;
    }

    /**
     * One outgoing text stream written in pieces (a transcript growing as it is spoken): the header
     * first, chunks as text comes, the trailer last. Readers join the chunks in index order. Not
     * thread-safe: one writer.
     */
    public static final class Outgoing {

        private final String id = UUID.randomUUID().toString();
        private final List<String> destinations;
        private int nextChunk;

        public Outgoing(List<String> destinations) {
            this.destinations = List.copyOf(destinations);
        }

        public String id() {
            return id;
        }

        /** The header; {@code totalLength} in bytes, or -1 when the text is not known yet. */
        public DataPacket header(String topic, Map<String, String> attributes, long nowMillis, long totalLength) {
            DataStream.Header.Builder header = DataStream.Header.newBuilder()
                    .setStreamId(id)
                    .setTimestamp(nowMillis)
                    .setTopic(topic)
                    .setMimeType("text/plain")
                    .putAllAttributes(attributes)
                    .setTextHeader(
                            DataStream.TextHeader.newBuilder().setOperationType(DataStream.OperationType.CREATE));
            if (totalLength >= 0) {
                header.setTotalLength(totalLength);
            }
            return packet(destinations).setStreamHeader(header).build();
        }

        /** The next piece of text as chunks, each under {@link #CHUNK_BYTES} and cut on character boundaries. */
        public List<DataPacket> chunks(String text) {
            return chunks(text.getBytes(StandardCharsets.UTF_8));
        }

        List<DataPacket> chunks(byte[] bytes) {
            List<DataPacket> packets = new ArrayList<>();
            for (int start = 0; start < bytes.length; ) {
                int end = Math.min(bytes.length, start + CHUNK_BYTES);
                while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                    end--; // never split a UTF-8 sequence
                }
                packets.add(packet(destinations)
                        .setStreamChunk(DataStream.Chunk.newBuilder()
                                .setStreamId(id)
                                .setChunkIndex(nextChunk++)
                                .setContent(ByteString.copyFrom(bytes, start, end - start)))
                        .build());
                start = end;
            }
            return packets;
        }

        public DataPacket trailer() {
            return packet(destinations)
                    .setStreamTrailer(DataStream.Trailer.newBuilder().setStreamId(id))
                    .build();
        }
    }

    private static DataPacket.Builder packet(List<String> destinations) {
        return DataPacket.newBuilder().setKind(DataPacket.Kind.RELIABLE).addAllDestinationIdentities(destinations);
    }
}
