package ai.mindbot.agent.voice.metrics;

import ai.mindbot.agent.config.Settings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} for Prometheus on the JDK's own HTTP server: the agent is plain Java, and
 * one small endpoint does not justify a web framework. Anything else gets a problem+json 404/405.
 */
public final class MetricsServer implements AutoCloseable {

    public static final String PORT_VARIABLE = "AGENT_METRICS_PORT";

    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves what {@code exposition} says at each scrape on {@code port} (0: any free port) on all interfaces. */
    public static MetricsServer start(int port, Supplier<String> exposition) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", exchange -> handle(exchange, exposition));
        server.start();
        log.info(
                "agent metrics on http://0.0.0.0:{}/metrics",
                server.getAddress().getPort());
        return new MetricsServer(server);
    }

    /** Starts on {@value #PORT_VARIABLE} when it is set; empty when it is not. */
    public static Optional<MetricsServer> fromEnvironment(Map<String, String> env, Supplier<String> exposition)
            throws IOException {
        Settings settings = Settings.of(env);
        if (!settings.isSet(PORT_VARIABLE)) {
            return Optional.empty();
        }
        return Optional.of(start(settings.smallNumber(PORT_VARIABLE, 0), exposition));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, Supplier<String> exposition) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/metrics")) {
                problem(exchange, 404, "Not Found", "not_found", "Only /metrics is served here");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                problem(exchange, 405, "Method Not Allowed", "method_not_allowed", "Use GET");
            } else {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", exposition.get());
            }
        }
    }

    private static void problem(HttpExchange exchange, int status, String title, String code, String detail)
            throws IOException {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\",\"code\":\"" + code + "\"}";
        send(exchange, status, "application/problem+json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
