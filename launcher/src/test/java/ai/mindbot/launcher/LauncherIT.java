package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.EmbeddedPostgresServer;
import ai.mindbot.common.test.Http;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What ./mindbot promises: three services in one JVM, each healthy, sharing one JWT secret. */
class LauncherIT {

    @Test
    void startsAuthTimeAndAdminInOneProcessAndStopsThemCleanly() throws Exception {
        Path data = Files.createTempDirectory("mindbot-launcher-");
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        List<ConfigurableApplicationContext> contexts;
        try {
            contexts = Mindbot.startServices(args(data, ""));
        } finally {
            System.setOut(console);
        }
        String banner = printed.toString().substring(printed.toString().lastIndexOf("\n  Open MindBot:"));
        int authPort = port(contexts.get(0));
        assertThat(banner.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow())
                .isEqualTo("  Open MindBot:    http://localhost:" + authPort + "/"); // the app's URL comes first
        try {
            assertThat(contexts)
                    .extracting(c -> c.getEnvironment().getProperty("spring.application.name"))
                    .containsExactly("auth-service", "time-service", "admin-dashboard");
            for (ConfigurableApplicationContext context : contexts) {
                Http.Response health = healthUp(context);
                assertThat(health.json()
                                .path("components")
                                .path("db")
                                .path("status")
                                .asString())
                        .isEqualTo("UP");
            }
            // the web app's origin: the page, and the time API passed through to the time service
            Http app = new Http("http://127.0.0.1:" + port(contexts.get(0)));
            assertThat(app.get("/").body()).contains("<title>MindBot</title>");
            Http.Response pricing = app.get("/time/pricing");
            assertThat(pricing.status()).isEqualTo(200);
            assertThat(pricing.body()).contains("starter_1h");
            assertThat(data.resolve("jwt-secret")).exists();
            assertThat(data.resolve("mindbot_users.db")).exists();
            assertThat(data.resolve("mindbot_time_tracking.db")).exists();
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
        assertThat(contexts).noneMatch(ConfigurableApplicationContext::isActive);
    }

    @Test
    void sharesOnePostgresDatabaseBetweenAllThreeServices() throws Exception {
        Path data = Files.createTempDirectory("mindbot-launcher-pg-");
        List<ConfigurableApplicationContext> contexts =
                Mindbot.startAll(args(data, EmbeddedPostgresServer.newDatabase()));
        try {
            for (ConfigurableApplicationContext context : contexts) {
                Http.Response health = healthUp(context);
                assertThat(health.body()).contains("PostgreSQL").doesNotContain("SQLite");
            }
            // each service migrated its own tables into the one database
            DataSource db = contexts.get(0).getBean(DataSource.class);
            try (var c = db.getConnection();
                    var rs = c.createStatement()
                            .executeQuery(
                                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                List<String> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                assertThat(tables)
                        .contains(
                                "users",
                                "refresh_tokens",
                                "accounts",
                                "ledger_entries",
                                "purchases",
                                "voice_sessions",
                                "admin_audit_log",
                                "flyway_history_auth",
                                "flyway_history_time");
            }
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** ./mindbot's three services on ephemeral ports, data in {@code data}, on this database ("" for SQLite). */
    static String[] args(Path data, String databaseUrl) {
        return new String[] {
            "--AUTH_PORT=0",
            "--TIME_PORT=0",
            "--ADMIN_PORT=0",
            "--MINDBOT_DATA_DIR=" + data,
            "--MINDBOT_ENV_FILE=none.env",
            "--DATABASE_URL=" + databaseUrl
        };
    }

    /** The service's /health answer, checked to be 200 and UP. */
    private static Http.Response healthUp(ConfigurableApplicationContext context) {
        Http.Response health = new Http("http://127.0.0.1:" + port(context)).get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        return health;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
