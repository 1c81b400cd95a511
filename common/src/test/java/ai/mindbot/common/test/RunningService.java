package ai.mindbot.common.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service started for real (embedded Tomcat on a random port) from its application builder, as
 * {@code java -jar} would start it. Tests talk to it over HTTP only.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * Starts the service with these properties given as command-line arguments, the way an operator
     * would override them: they win over the service's own config file and the shared defaults.
     */
    public static RunningService start(SpringApplicationBuilder builder, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>();
        all.put("server.port", "0");
        all.put("MINDBOT_ENV_FILE", "does-not-exist.env");
        all.putAll(properties);
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningService(builder.run(args));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
