package ai.mindbot.auth.livekit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class LiveKitConfiguration {

    @Bean
    LiveKitSettings liveKitSettings(Environment environment) {
        return LiveKitSettings.from(environment);
    }
}
