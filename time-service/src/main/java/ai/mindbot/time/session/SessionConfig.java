package ai.mindbot.time.session;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.mindbot.time.jobs.RecurringJob;

/** Binds the metering settings and schedules the sweeper. */
@Configuration
@EnableConfigurationProperties(SessionSettings.class)
class SessionConfig {

    @Bean
    RecurringJob sessionSweeperJob(SessionSweeper sweeper, SessionSettings settings) {
        return new RecurringJob("session-sweeper", Duration.ofSeconds(settings.sweepSeconds()), sweeper::sweep);
    }
}
