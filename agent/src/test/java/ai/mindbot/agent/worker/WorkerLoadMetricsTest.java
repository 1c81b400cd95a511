package ai.mindbot.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.voice.metrics.MetricsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerLoadMetricsTest {

    @Test
    void reportsRoomsAndSlotsAsTheWorkerReportsThemToLiveKit() {
        assertThat(WorkerLoadMetrics.exposition(new LoadReport(3, 30, false)))
                .contains("# TYPE mindbot_agent_jobs gauge\nmindbot_agent_jobs 3\n")
                .contains("# TYPE mindbot_agent_job_slots gauge\nmindbot_agent_job_slots 30\n");
    }

    @Test
    void aDrainingWorkerOffersNoSlotsWhileItsRoomsFinish() {
        assertThat(WorkerLoadMetrics.exposition(new LoadReport(2, 30, true)))
                .contains("mindbot_agent_jobs 2\n")
                .contains("mindbot_agent_job_slots 0\n");
    }

    @Test
    void aWorkerServesItsLoadOverHttp() throws Exception {
        AgentConfig config = new AgentConfig(
                URI.create("ws://127.0.0.1:1"), "devkey", "secret", "", 12, Duration.ofSeconds(1), false);
        try (AgentWorker worker = new AgentWorker(config, job -> null);
                MetricsServer server = MetricsServer.start(0, () -> WorkerLoadMetrics.exposition(worker))) {
            HttpResponse<String> scrape = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("mindbot_agent_jobs 0\n", "mindbot_agent_job_slots 12\n");
        }
    }
}
