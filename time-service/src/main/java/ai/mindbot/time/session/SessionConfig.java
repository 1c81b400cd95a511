package ai.mindbot.time.session;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the metering settings and turns on the sweeper's schedule. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(SessionSettings.class)
class SessionConfig {
}
