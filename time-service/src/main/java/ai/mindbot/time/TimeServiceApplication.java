package ai.mindbot.time;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The time-service (port 8001). Runs alone with {@code java -jar}, or beside the others in the launcher. */
@SpringBootApplication
public class TimeServiceApplication {

    /** Its own config file name, so three services can share one JVM without reading each other's. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TimeServiceApplication.class).properties("spring.config.name=time-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
