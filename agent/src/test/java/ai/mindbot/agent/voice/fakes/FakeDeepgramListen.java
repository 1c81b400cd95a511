package ai.mindbot.agent.voice.fakes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * Deepgram's live recognition socket on loopback. Each {@code /v1/listen} upgrade becomes a
 * {@link Session} the test takes with {@link #nextSession(Duration)} and drives: it sees the audio
 * bytes and control messages the client sends, and sends back {@link DeepgramMessages} when the test
 * says so (or is cut off, {@link #dropConnections()}), or by itself in answer to {@code Finalize} ({@link Session#answerFinalizeWith}). Like the
 * real service it closes the socket (1000) after {@code CloseStream}.
 */
public final class FakeDeepgramListen implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> refusals = new ConcurrentLinkedQueue<>();
    /** Accepted connections, so a test can cut one the hard way (OkHttp's server socket has no cancel). */
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private FakeDeepgramListen() {}

    public static FakeDeepgramListen start() throws IOException {
        FakeDeepgramListen fake = new FakeDeepgramListen();
        fake.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Integer refusal = fake.refusals.poll();
                if (refusal != null) {
                    return new MockResponse.Builder()
                            .code(refusal)
                            .addHeader("Content-Type", "application/json")
                            .body("{\"err_code\":\"INVALID_AUTH\",\"err_msg\":\"Invalid credentials.\","
                                    + "\"request_id\":\"00000000-0000-0000-0000-000000000000\"}")
                            .build();
                }
                Session session = new Session(request);
                fake.sessions.add(session);
                return new MockResponse.Builder().webSocketUpgrade(session).build();
            }
        });
        fake.server.setServerSocketFactory(new RecordingServerSockets(fake.connections));
        fake.server.start(InetAddress.getLoopbackAddress(), 0);
        return fake;
    }

    /** What {@code DEEPGRAM_BASE_URL} should be: {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** The next connection attempt is refused with {@code status} (401 with Deepgram's error body). */
    public void refuseNext(int status) {
        refusals.add(status);
    }

    public Session nextSession(Duration timeout) throws InterruptedException {
        Session session = sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (session == null) {
            throw new AssertionError("no /v1/listen connection within " + timeout);
        }
        return session.awaitOpen(timeout);
    }

    /**
     * Cuts every open connection without a close frame, as a network failure would. Tests hold one
     * session at a time, so this drops "the" session.
     */
    public void dropConnections() throws IOException {
        for (Socket socket : connections) {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class RecordingServerSockets extends ServerSocketFactory {

        private final List<Socket> accepted;

        RecordingServerSockets(List<Socket> accepted) {
            this.accepted = accepted;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    accepted.add(socket);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }
    }

    /** One client connection, seen from the server side. */
    public static final class Session extends WebSocketListener {

        private final RecordedRequest upgrade;
        private final List<String> texts = new CopyOnWriteArrayList<>();
        private final AtomicLong audioBytes = new AtomicLong();
        private final AtomicLong audioMessages = new AtomicLong();
        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        private volatile WebSocket socket;
        private volatile String finalizeAnswer;
        private volatile boolean closedByClient;

        Session(RecordedRequest upgrade) {
            this.upgrade = upgrade;
        }

        /** The upgrade request's target, e.g. {@code /v1/listen?model=nova-3&...}. */
        public String target() {
            return upgrade.getTarget();
        }

        public String header(String name) {
            return upgrade.getHeaders().get(name);
        }

        /** Text messages the client sent (KeepAlive, Finalize, CloseStream), in order. */
        public List<String> texts() {
            return List.copyOf(texts);
        }

        public long audioBytes() {
            return audioBytes.get();
        }

        /** Every audio byte received, in order (linear16: little-endian 16-bit samples). */
        public byte[] audio() {
            synchronized (audio) {
                return audio.toByteArray();
            }
        }

        public long audioMessages() {
            return audioMessages.get();
        }

        public boolean closedByClient() {
            return closedByClient;
        }

        /** Sends a server message (one of {@link DeepgramMessages}). */
        public void send(String json) {
            socket.send(json);
        }

        /** From now on, each {@code Finalize} is answered with {@code transcript} as a from_finalize result. */
        public void answerFinalizeWith(String transcript) {
            finalizeAnswer = transcript;
        }

        /** Closes the way Deepgram does on its own errors (e.g. 1011 after 10 s without audio). */
        public void closeWith(int code, String reason) {
            socket.close(code, reason);
        }

        public void awaitAudioBytes(long atLeast, Duration timeout) throws InterruptedException {
            await(
                    () -> audioBytes.get() >= atLeast,
                    timeout,
                    "audio bytes >= " + atLeast + " (have " + audioBytes + ")");
        }

        public void awaitText(String type, Duration timeout) throws InterruptedException {
            await(
                    () -> texts.stream().anyMatch(t -> t.contains("\"type\":\"" + type + "\"")),
                    timeout,
                    "a " + type + " message (have " + texts + ")");
        }

        private Session awaitOpen(Duration timeout) throws InterruptedException {
            await(() -> socket != null, timeout, "the socket to open");
            return this;
        }

        private static void await(BooleanSupplier condition, Duration timeout, String what)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                Thread.sleep(5);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            texts.add(text);
            if (text.contains("\"type\":\"Finalize\"") && finalizeAnswer != null) {
                double seconds = audioBytes.get() / 32_000.0;
                webSocket.send(DeepgramMessages.finalized(finalizeAnswer, 0.0, seconds));
            } else if (text.contains("\"type\":\"CloseStream\"")) {
                closedByClient = true;
                webSocket.send(DeepgramMessages.metadata(audioBytes.get() / 32_000.0));
                webSocket.close(1000, null);
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            synchronized (audio) {
                audio.writeBytes(bytes.toByteArray());
            }
            audioBytes.addAndGet(bytes.size());
            audioMessages.incrementAndGet();
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }
    }
}
