package ai.mindbot.agent.ws;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A WebSocket that carries whole binary messages (LiveKit's protobuf frames). Sends are queued, since
 * {@link WebSocket} allows only one outstanding send; received fragments are joined before delivery.
 * The handler runs on the HTTP client's thread: it should hand real work to its own executor.
 */
public final class ProtoWebSocket {

    public interface Handler {
        void onMessage(byte[] message);

        /** Called once, when the socket closes for any reason; {@code error} is null on a clean close. */
        void onClosed(int code, String reason, Throwable error);
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private ProtoWebSocket(WebSocket socket) {
        this.socket = socket;
    }

    /** Opens the socket with a bearer token; the future fails if the server refuses (e.g. 401). */
    public static CompletableFuture<ProtoWebSocket> connect(URI uri, String bearerToken, Handler handler) {
        Listener listener = new Listener(handler);
        return HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + bearerToken)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, listener)
                .thenApply(ProtoWebSocket::new);
    }

    public synchronized void send(byte[] message) {
        lastSend = lastSend.handle((ok, error) -> null)
                .thenCompose(ignored -> socket.sendBinary(ByteBuffer.wrap(message), true));
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed();
    }

    /** Closes after the queued sends; the handler's {@code onClosed} follows. */
    public synchronized void close() {
        lastSend = lastSend.handle((ok, error) -> null)
                .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, ""))
                .orTimeout(2, TimeUnit.SECONDS)
                .whenComplete((ok, error) -> socket.abort());
    }

    /** Drops the connection at once. */
    public void abort() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final Handler handler;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final AtomicBoolean closed = new AtomicBoolean();

        Listener(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            byte[] message = null;
            if (last && pending.size() == 0) {
                message = chunk;
            } else {
                pending.writeBytes(chunk);
                if (last) {
                    message = pending.toByteArray();
                    pending.reset();
                }
            }
            if (message != null) {
                handler.onMessage(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            // we only speak binary protobuf; the server answers in the format it last received
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (closed.compareAndSet(false, true)) {
                handler.onClosed(statusCode, reason, null);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (closed.compareAndSet(false, true)) {
                handler.onClosed(WebSocket.NORMAL_CLOSURE, "error", error);
            }
        }
    }
}
