package ai.mindbot.admin;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The admin-dashboard (port 8002). Runs alone with {@code java -jar}, or beside the others in the launcher. */
@SpringBootApplication
public class AdminDashboardApplication {

    /** Its own config file name, so three services can share one JVM without reading each other's. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AdminDashboardApplication.class)
                .properties("spring.config.name=admin-dashboard");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
