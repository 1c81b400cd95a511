package ai.mindbot.auth.passthrough;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link TimeApiPassThrough} for {@code /time/*} when {@code TIME_SERVICE_URL} is set.
 * It runs right after the request id and body cap and before Spring Security: the time service
 * checks the bearer token itself, and the auth service has no business judging its requests.
 */
@Configuration
class PassThroughConfig {

    private static final Logger log = LoggerFactory.getLogger(PassThroughConfig.class);

    @Bean
    @ConditionalOnExpression("!'${mindbot.auth.time-service-url:}'.isBlank()")
    FilterRegistrationBean<TimeApiPassThrough> timeApiPassThrough(
            @Value("${mindbot.auth.time-service-url}") String url) {
        FilterRegistrationBean<TimeApiPassThrough> registration = new FilterRegistrationBean<>();
        URI upstream = URI.create(url.strip().replaceAll("/+$", ""));
        if (!"http".equals(upstream.getScheme()) && !"https".equals(upstream.getScheme())) {
            throw new IllegalArgumentException("TIME_SERVICE_URL must be an http(s) URL, got " + url);
        }
        registration.setFilter(new TimeApiPassThrough(upstream));
        registration.addUrlPatterns("/time", "/time/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        log.info("passing /time/** through to the time service at {}", upstream);
        return registration;
    }
}
