package ai.mindbot.agent.voice.deepgram;

import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.wire.EventGate;
import ai.mindbot.agent.voice.wire.ProviderException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One participant's {@code /v1/listen} socket. Audio pushed before the handshake completes waits in
 * the send chain (the JDK WebSocket allows one outstanding send, so every send is chained after the
 * previous one). Any end the client did not ask for (a refused handshake, a dropped connection, a
 * close from Deepgram) becomes one {@link SttEvent.Failed}; after {@link #close()} nothing more is
 * delivered.
 */
final class ListenStream implements Stt.SttStream, WebSocket.Listener {

    private static final Logger log = LoggerFactory.getLogger(ListenStream.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static final String KEEP_ALIVE = "{\"type\":\"KeepAlive\"}";
    static final String FINALIZE = "{\"type\":\"Finalize\"}";
    static final String CLOSE_STREAM = "{\"type\":\"CloseStream\"}";

    /** After CloseStream Deepgram sends what is left and closes; if it does not, we stop waiting. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final EventGate<SttEvent> gate;
    private final ListenEvents reader = new ListenEvents();
    private final StringBuilder partial = new StringBuilder();
    private final ScheduledExecutorService timers;
    private CompletableFuture<WebSocket> socket;
    private CompletableFuture<WebSocket> sends;
    private volatile ScheduledFuture<?> keepAliveTask;
    private volatile long lastSentNanos = System.nanoTime();
    private volatile boolean closing;

    private final long keepAliveNanos;

    private ListenStream(ScheduledExecutorService timers, Duration keepAlive, Consumer<SttEvent> events) {
        this.timers = timers;
        this.keepAliveNanos = keepAlive.toNanos();
        this.gate = new EventGate<>(events);
    }

    static ListenStream open(
            HttpClient http,
            URI uri,
            String apiKey,
            ScheduledExecutorService timers,
            Duration keepAlive,
            Consumer<SttEvent> events) {
        ListenStream stream = new ListenStream(timers, keepAlive, events);
        stream.socket = http.newWebSocketBuilder()
                .header("Authorization", "Token " + apiKey)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, stream);
        stream.sends = stream.socket;
        // Checked a few times per interval so an idle gap never reaches Deepgram's 10 s limit.
        long every = Math.max(1, keepAlive.toMillis() / 4);
        stream.keepAliveTask = timers.scheduleAtFixedRate(stream::keepAliveIfIdle, every, every, TimeUnit.MILLISECONDS);
        if (stream.closing) {
            stream.stopKeepAlive();
        }
        stream.socket.whenComplete((ws, error) -> {
            if (error != null) {
                stream.fail(handshakeFailure(error));
            }
        });
        return stream;
    }

    @Override
    public void push(short[] samples) {
        if (closing) {
            return;
        }
        // linear16 is little-endian. The bytes are laid out by hand: the JDK's WebSocket masks a
        // buffer eight bytes at a time in the buffer's own byte order, so a LITTLE_ENDIAN buffer
        // arrives with its bytes reordered (seen in DeepgramSttIT); a plain byte[] is safe.
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        send(ws -> ws.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    @Override
    public void flush() {
        if (!closing) {
            send(ws -> ws.sendText(FINALIZE, true));
        }
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        gate.cancel();
        stopKeepAlive();
        send(ws -> ws.sendText(CLOSE_STREAM, true));
        timers.schedule(() -> socket.thenAccept(WebSocket::abort), CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void send(Function<WebSocket, CompletableFuture<WebSocket>> message) {
        lastSentNanos = System.nanoTime();
        sends = sends.thenCompose(message);
    }

    private void stopKeepAlive() {
        ScheduledFuture<?> task = keepAliveTask;
        if (task != null) {
            task.cancel(false);
        }
    }

    private void keepAliveIfIdle() {
        if (!closing
                && System.nanoTime() - lastSentNanos >= keepAliveNanos
                && socket.isDone()
                && !socket.isCompletedExceptionally()) {
            send(ws -> ws.sendText(KEEP_ALIVE, true));
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            try {
                for (SttEvent event : reader.read(JSON.readTree(message))) {
                    gate.deliver(event);
                }
            } catch (JacksonException notJson) {
                log.warn("Deepgram sent a message that is not JSON ({} chars); ignored", message.length());
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        stopKeepAlive();
        if (!closing) {
            fail(new ProviderException(
                    "Deepgram closed the stream: " + statusCode
                            + (reason == null || reason.isEmpty() ? "" : " " + reason),
                    statusCode));
        }
        // Answer the close so the connection ends cleanly on both sides.
        return webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        stopKeepAlive();
        if (!closing) {
            fail(new ProviderException("Deepgram stream broke: " + describe(error), error));
        }
    }

    private void fail(ProviderException error) {
        closing = true;
        gate.finish(new SttEvent.Failed(error));
        stopKeepAlive();
    }

    private static ProviderException handshakeFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WebSocketHandshakeException refused) {
            int status = refused.getResponse().statusCode();
            String hint = status == 401 || status == 403 ? " (check DEEPGRAM_API_KEY)" : "";
            Object body = refused.getResponse().body();
            String detail = body instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.UTF_8)
                    : body instanceof String s ? s : "";
            detail = detail.length() > 200 ? detail.substring(0, 200) : detail;
            return new ProviderException(
                    "Deepgram refused the stream: HTTP " + status + hint
                            + (detail.isBlank() ? "" : ": " + detail.strip()),
                    status);
        }
        return new ProviderException("Deepgram stream could not connect: " + describe(cause), cause);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
