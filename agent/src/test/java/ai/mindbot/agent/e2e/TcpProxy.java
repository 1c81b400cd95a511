package ai.mindbot.agent.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of livekit-server's HTTP/WebSocket port, so a test can cut every
 * connection at once the way a network failure would (RST, no close handshake), or silently stop
 * relaying one (a half-open connection: nothing arrives, nothing fails). Media does not pass here:
 * it goes over UDP straight to the server, as it would in a real call.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    /** Relayed connections: the client's socket and ours to the server. */
    private final List<Socket[]> open = new CopyOnWriteArrayList<>();
    /** The first bytes each client sent (its HTTP request line), to tell /rtc from /agent. */
    private final ConcurrentHashMap<Socket, String> requestLines = new ConcurrentHashMap<>();
    /** Client sockets whose traffic is swallowed in both directions. */
    private final Set<Socket> blackholed = ConcurrentHashMap.newKeySet();

    TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "tcp-proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Resets every open relayed connection; new ones are relayed again. Returns how many were cut. */
    int cutAll() {
        int cut = 0;
        for (Socket[] pair : open) {
            if (!pair[0].isClosed()) {
                cut++;
            }
            for (Socket socket : pair) {
                try {
                    socket.setSoLinger(true, 0); // RST: the peer sees a broken connection, not a close
                    socket.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
        open.clear();
        return cut;
    }

    /**
     * From now on swallows, in both directions, the traffic of open connections whose request line
     * contains {@code requestPath} (e.g. {@code "/rtc"}); the sockets stay open. Returns how many.
     */
    int blackhole(String requestPath) {
        int count = 0;
        for (Socket[] pair : open) {
            if (!pair[0].isClosed() && requestLines.getOrDefault(pair[0], "").contains(" " + requestPath)) {
                blackholed.add(pair[0]);
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        cutAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(new Socket[] {client, server});
                pipe(client, server, client);
                pipe(server, client, client);
            } catch (IOException e) {
                // listener closed, or the server refused: the client sees its connection fail
            }
        }
    }

    private void pipe(Socket from, Socket to, Socket client) {
        Thread relay = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            if (from == client) {
                                requestLines.putIfAbsent(
                                        client,
                                        new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1)
                                                .lines()
                                                .findFirst()
                                                .orElse(""));
                            }
                            if (blackholed.contains(client)) {
                                continue;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // one side went away
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-relay");
        relay.setDaemon(true);
        relay.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
