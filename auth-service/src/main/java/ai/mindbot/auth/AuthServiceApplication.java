package ai.mindbot.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The auth-service (port 8000). Runs alone with {@code java -jar}, or beside the others in the launcher. */
@SpringBootApplication
public class AuthServiceApplication {

    /** Its own config file name, so three services can share one JVM without reading each other's. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuthServiceApplication.class).properties("spring.config.name=auth-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
