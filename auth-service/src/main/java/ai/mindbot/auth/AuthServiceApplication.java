package ai.mindbot.auth;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The auth-service (port 8000). Runs alone with {@code java -jar}, or beside the others in the launcher. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthServiceApplication {

    /** Its own config file name, so three services can share one JVM without reading each other's. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuthServiceApplication.class).properties("spring.config.name=auth-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
