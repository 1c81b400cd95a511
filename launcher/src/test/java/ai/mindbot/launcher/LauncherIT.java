package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ai.mindbot.common.test.Http;

/** What ./mindbot promises: three services in one JVM, each healthy, sharing one JWT secret. */
class LauncherIT {

    @Test
    void startsAuthTimeAndAdminInOneProcessAndStopsThemCleanly() throws Exception {
        Path data = Files.createTempDirectory("mindbot-launcher-");
        String[] args = {
                "--AUTH_PORT=0", "--TIME_PORT=0", "--ADMIN_PORT=0",
                "--MINDBOT_DATA_DIR=" + data, "--MINDBOT_ENV_FILE=none.env", "--DATABASE_URL=" };
        List<ConfigurableApplicationContext> contexts = Mindbot.startAll(args);
        try {
            assertThat(contexts).extracting(c -> c.getEnvironment().getProperty("spring.application.name"))
                    .containsExactly("auth-service", "time-service", "admin-dashboard");
            for (ConfigurableApplicationContext context : contexts) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                Http.Response health = new Http("http://127.0.0.1:" + port).get("/health");
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().path("status").asString()).isEqualTo("UP");
                assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
            }
            assertThat(data.resolve("jwt-secret")).exists();
            assertThat(data.resolve("mindbot_users.db")).exists();
            assertThat(data.resolve("mindbot_time_tracking.db")).exists();
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
        assertThat(contexts).noneMatch(ConfigurableApplicationContext::isActive);
    }
}
