package ai.mindbot.agent.worker;

import ai.mindbot.agent.api.TextStreamWriter;
import ai.mindbot.agent.rtc.TextStreams;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import livekit.LivekitModels.DataPacket;

/**
 * A text stream the agent writes in pieces. Each call hands its packets to {@code send} (the job's
 * thread, which owns the data channel) while holding this writer's lock, so chunks written from
 * different threads still leave in the order they were numbered.
 */
final class JobTextStream implements TextStreamWriter {

    private final TextStreams.Outgoing stream;
    private final Consumer<List<DataPacket>> send;
    private boolean closed;

    JobTextStream(
            String topic,
            Map<String, String> attributes,
            List<String> destinations,
            long nowMillis,
            Consumer<List<DataPacket>> send) {
        this.stream = new TextStreams.Outgoing(destinations);
        this.send = send;
        // the length is unknown until close: LiveKit readers treat a header without one as open-ended
        send.accept(List.of(stream.header(topic, attributes, nowMillis, -1)));
    }

    @Override
    public String id() {
        return stream.id();
    }

    @Override
    public synchronized void write(String text) {
        if (closed) {
            throw new IllegalStateException("text stream " + stream.id() + " is closed");
        }
        if (!text.isEmpty()) {
            send.accept(stream.chunks(text));
        }
    }

    /** Sends the trailer; readers then have the whole text. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            send.accept(List.of(stream.trailer()));
        }
    }
}
