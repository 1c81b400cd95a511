package ai.mindbot.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import ai.mindbot.common.security.ApiSecurity;
import ai.mindbot.common.security.Caller;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Which callers may reach which endpoints of the auth-service. Signing in and getting a guest or
 * service token are open (rate limited instead); the account endpoints need a user's token, the
 * admin endpoints an admin's; anything not listed needs a valid token.
 */
@Configuration
class SecurityConfig {

    private static final RequestMatcher PUBLIC = new OrRequestMatcher(
            pathPattern("/auth/register"),
            pathPattern("/auth/login"),
            pathPattern("/auth/guest"),
            pathPattern("/auth/refresh"),
            pathPattern("/auth/service-token"),
            pathPattern("/health"), pathPattern("/health/**"), pathPattern("/metrics"));

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        return apiSecurity.apply(http)
                .oauth2ResourceServer(o -> o.bearerTokenResolver(ignoringPublicEndpoints()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/auth/admin/**").hasRole(Caller.ROLE_ADMIN)
                        .requestMatchers("/auth/me", "/auth/token", "/auth/password", "/auth/logout")
                        .hasRole(Caller.ROLE_USER)
                        .anyRequest().authenticated())
                .build();
    }

    /** A stale or foreign Authorization header must not stop someone from signing in again. */
    private static BearerTokenResolver ignoringPublicEndpoints() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> PUBLIC.matches(request) ? null : standard.resolve(request);
    }
}
