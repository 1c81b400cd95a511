package ai.mindbot.agent.voice.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.TurnMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTurnTimingsAsPrometheusHistograms() throws Exception {
        VoiceMetrics metrics = new VoiceMetrics();
        metrics.onTurnMetrics(new TurnMetrics(
                "s1",
                Duration.ofMillis(550),
                Duration.ofMillis(120),
                Duration.ofMillis(180),
                Duration.ofMillis(90),
                Duration.ofMillis(3),
                Duration.ofMillis(840)));
        metrics.onTurnMetrics(new TurnMetrics(
                "s2", null, null, Duration.ofMillis(400), Duration.ofMillis(60), Duration.ofMillis(1), null));

        try (MetricsServer server = MetricsServer.start(0, metrics::exposition)) {
            HttpResponse<String> response = get(server, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
            assertThat(response.body())
                    .contains("# TYPE mindbot_voice_voice_to_voice_seconds histogram")
                    .contains("mindbot_voice_voice_to_voice_seconds_bucket{le=\"0.75\"} 0")
                    .contains("mindbot_voice_voice_to_voice_seconds_bucket{le=\"1.0\"} 1")
                    .contains("mindbot_voice_voice_to_voice_seconds_count 1")
                    .contains("mindbot_voice_llm_ttft_seconds_bucket{le=\"0.2\"} 1")
                    .contains("mindbot_voice_llm_ttft_seconds_bucket{le=\"0.5\"} 2")
                    .contains("mindbot_voice_llm_ttft_seconds_sum 0.58")
                    .contains("mindbot_voice_end_of_utterance_seconds_count 1");
        }
    }

    @Test
    void answersOtherPathsAndMethodsWithProblemJson() throws Exception {
        try (MetricsServer server = MetricsServer.start(0, new VoiceMetrics()::exposition)) {
            HttpResponse<String> missing = get(server, "/nope");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(missing.body()).contains("\"status\":404", "\"code\":\"not_found\"");

            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void startsOnlyWhenThePortIsConfigured() throws Exception {
        assertThat(MetricsServer.fromEnvironment(Map.of(), new VoiceMetrics()::exposition))
                .isEmpty();
        try (MetricsServer server = MetricsServer.fromEnvironment(
                        Map.of("AGENT_METRICS_PORT", "0"), new VoiceMetrics()::exposition)
                .orElseThrow()) {
            assertThat(get(server, "/metrics").statusCode()).isEqualTo(200);
        }
    }
}
