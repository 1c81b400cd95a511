package ai.mindbot.time.session;

import ai.mindbot.time.jobs.RecurringJob;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the metering settings and schedules the sweeper. */
@Configuration
@EnableConfigurationProperties(SessionSettings.class)
class SessionConfig {

    @Bean
    RecurringJob sessionSweeperJob(SessionSweeper sweeper, SessionSettings settings) {
        return new RecurringJob("session-sweeper", Duration.ofSeconds(settings.sweepSeconds()), sweeper::sweep);
    }
}
