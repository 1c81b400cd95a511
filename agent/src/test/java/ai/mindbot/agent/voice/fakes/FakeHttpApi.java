package ai.mindbot.agent.voice.fakes;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers each request to a path with the next {@link FakeReply}
 * queued for it: OpenAI's {@code /v1/chat/completions} (SSE), {@code /v1/audio/speech} (PCM) and
 * Deepgram's {@code /v1/speak} (PCM) are all plain HTTP, so one server stands in for both. Every
 * request is recorded with its headers, body and arrival time; a path with nothing queued answers
 * 500, so a test that under-scripts fails loudly.
 */
public final class FakeHttpApi implements AutoCloseable {

    /** One request as the server saw it. */
    public record Recorded(String method, String path, String query, Headers headers, String body, long arrivedNanos) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-http-api");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ConcurrentLinkedQueue<FakeReply>> replies = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private FakeHttpApi(HttpServer server) {
        this.server = server;
    }

    static {
        // Real APIs answer without Nagle's delay; the JDK server does not unless told before its
        // first use in the JVM. Without this a streamed chunk could wait 40 ms for an ACK, and
        // latency measured against the fake would be the fake's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static FakeHttpApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeHttpApi fake = new FakeHttpApi(server);
        server.createContext("/", fake::handle);
        server.setExecutor(fake.threads);
        server.start();
        return fake;
    }

    /** {@code http://127.0.0.1:port}; OpenAI's base URL is this plus {@code /v1}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    public FakeHttpApi enqueue(String path, FakeReply reply) {
        replies.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(reply);
        return this;
    }

    public List<Recorded> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body,
                System.nanoTime()));
        ConcurrentLinkedQueue<FakeReply> queue = replies.get(path);
        FakeReply reply = queue == null ? null : queue.poll();
        try {
            if (reply == null) {
                plain(
                        exchange,
                        new FakeReply.Status(
                                500, Map.of(), "{\"error\":{\"message\":\"nothing scripted for " + path + "\"}}"));
            } else if (reply instanceof FakeReply.Status status) {
                plain(exchange, status);
            } else if (reply instanceof FakeReply.Sse sse) {
                sse(exchange, sse);
            } else if (reply instanceof FakeReply.Pcm pcm) {
                pcm(exchange, pcm);
            }
            exchange.close();
        } catch (IOException clientWentAway) {
            // The client cancelled and closed its end; the request is over for both of us.
            exchange.close();
        }
        // A DroppedConnection goes on up to the JDK server, which then closes the socket as it is.
    }

    private static void plain(HttpExchange exchange, FakeReply.Status status) throws IOException {
        byte[] bytes = status.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        status.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status.code(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sse(HttpExchange exchange, FakeReply.Sse sse) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String data : sse.data()) {
            pause(sse.gap());
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (sse.ending() == FakeReply.Ending.DROP) {
            drop(exchange);
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pcm(HttpExchange exchange, FakeReply.Pcm pcm) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        short[] s = pcm.samples();
        byte[] bytes = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            bytes[2 * i] = (byte) s[i];
            bytes[2 * i + 1] = (byte) (s[i] >> 8);
        }
        int chunks = 0;
        for (int from = 0; from < bytes.length; from += pcm.chunkBytes()) {
            if (pcm.ending() == FakeReply.Ending.DROP && chunks == pcm.dropAfterChunks()) {
                drop(exchange);
            }
            pause(pcm.gap());
            out.write(bytes, from, Math.min(pcm.chunkBytes(), bytes.length - from));
            out.flush();
            chunks++;
        }
    }

    /**
     * Cuts the connection mid-body. The JDK server closes the socket, without finishing the chunked
     * encoding, when a handler throws; the client sees the stream end early, as on a dropped network.
     */
    private static void drop(HttpExchange exchange) {
        throw new DroppedConnection();
    }

    private static void pause(Duration gap) {
        if (!gap.isZero()) {
            try {
                Thread.sleep(gap.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Thrown on purpose to make the JDK server drop the connection. */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("fake: connection dropped on purpose", null, false, false);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
