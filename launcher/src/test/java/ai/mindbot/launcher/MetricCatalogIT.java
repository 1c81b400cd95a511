package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.AgentMain;
import ai.mindbot.agent.voice.metrics.MetricsServer;
import ai.mindbot.agent.voice.metrics.VoiceMetrics;
import ai.mindbot.agent.worker.AgentWorker;
import ai.mindbot.common.test.Http;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * deploy/prometheus/metrics.txt names what the alert rules and the dashboard may query; this scrapes
 * the real programs, after the traffic that creates their lazily registered series (requests, a
 * sign-up, a refused webhook), and finds every name there.
 */
class MetricCatalogIT {

    static final Path CATALOG = Path.of("..", "deploy", "prometheus", "metrics.txt");

    @Test
    void everyCatalogedMetricIsExportedByItsProgram() throws Exception {
        Map<String, String> scrapes = new HashMap<>();
        Path data = Files.createTempDirectory("mindbot-metrics-");
        List<ConfigurableApplicationContext> services = Mindbot.startAll(new String[] {
            "--AUTH_PORT=0",
            "--TIME_PORT=0",
            "--ADMIN_PORT=0",
            "--MINDBOT_DATA_DIR=" + data,
            "--MINDBOT_ENV_FILE=none.env",
            "--DATABASE_URL="
        });
        try {
            Map<String, Http> http = new HashMap<>();
            for (ConfigurableApplicationContext context : services) {
                int port =
                        ((WebServerApplicationContext) context).getWebServer().getPort();
                http.put(
                        context.getEnvironment().getProperty("spring.application.name"),
                        new Http("http://127.0.0.1:" + port));
            }
            Http auth = http.get("auth-service");
            assertThat(auth.post(
                                    "/auth/register",
                                    Map.of(
                                            "email",
                                            "metrics@example.com",
                                            "password",
                                            "metrics-password",
                                            "full_name",
                                            "Metrics"))
                            .status())
                    .isEqualTo(201);
            assertThat(http.get("time-service").post("/webhooks/stripe", "{}").status())
                    .isEqualTo(400);
            for (Map.Entry<String, Http> service : http.entrySet()) {
                assertThat(service.getValue().get("/health").status()).isEqualTo(200); // a request to count
                scrapes.put(service.getKey(), service.getValue().get("/metrics").body());
            }
        } finally {
            services.forEach(ConfigurableApplicationContext::close);
        }
        scrapes.put("agent", scrapeAgent());

        for (String line : Files.readAllLines(CATALOG)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] entry = line.trim().split("\\s+");
            if (entry[0].equals("prometheus")) {
                continue; // made by Prometheus itself, not by a program
            }
            assertThat(scrapes).containsKey(entry[0]);
            assertThat(Pattern.compile("(?m)^" + entry[1] + "[ {]")
                            .matcher(scrapes.get(entry[0]))
                            .find())
                    .as("%s exports %s", entry[0], entry[1])
                    .isTrue();
        }
    }

    /** The agent's endpoint as a worker serves it, before any room: histograms and load are there from the start. */
    private static String scrapeAgent() throws Exception {
        AgentConfig config = new AgentConfig(
                URI.create("ws://127.0.0.1:1"), "devkey", "secret", "", 30, Duration.ofSeconds(1), false);
        VoiceMetrics turns = new VoiceMetrics();
        try (AgentWorker worker = new AgentWorker(config, job -> null);
                MetricsServer server = MetricsServer.start(0, AgentMain.metrics(turns, worker))) {
            return new Http("http://127.0.0.1:" + server.port()).get("/metrics").body();
        }
    }
}
