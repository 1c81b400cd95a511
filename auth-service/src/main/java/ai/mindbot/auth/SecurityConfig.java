package ai.mindbot.auth;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import ai.mindbot.auth.app.AppContentSecurityPolicy;
import ai.mindbot.auth.app.AppSettings;
import ai.mindbot.auth.livekit.LiveKitSettings;
import ai.mindbot.common.apidocs.ApiDocuments;
import ai.mindbot.common.security.ApiSecurity;
import ai.mindbot.common.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which callers may reach which endpoints of the auth-service. Signing in and getting a guest or
 * service token are open (rate limited instead); the account endpoints need a user's token, the
 * admin endpoints an admin's; the web app's files and the API document are public; anything not listed needs a valid token.
 */
@Configuration
class SecurityConfig {

    /** Signing in and getting tokens: open, and a stale Authorization header on them is ignored. */
    private static final RequestMatcher PUBLIC = new OrRequestMatcher(
            pathPattern("/auth/register"),
            pathPattern("/auth/login"),
            pathPattern("/auth/guest"),
            pathPattern("/auth/refresh"),
            pathPattern("/auth/service-token"),
            pathPattern("/auth/password/reset-request"),
            pathPattern("/auth/password/reset"),
            pathPattern("/app/config"));

    /** Open too, but an admin's token is read: /health shows admins its details (common's health package). */
    private static final RequestMatcher MONITORING =
            new OrRequestMatcher(pathPattern("/health"), pathPattern("/health/**"), pathPattern("/metrics"));

    /** The web app's files: the page, its modules and styles, and the vendored livekit-client. */
    private static final RequestMatcher WEB_APP = new OrRequestMatcher(
            pathPattern(HttpMethod.GET, "/"),
            pathPattern(HttpMethod.GET, "/index.html"),
            pathPattern(HttpMethod.GET, "/assets/**"),
            pathPattern(HttpMethod.GET, "/vendor/**"),
            pathPattern(HttpMethod.GET, "/favicon.ico"));

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ApiSecurity apiSecurity,
            LiveKitSettings liveKit,
            AppSettings app,
            ApiDocuments apiDocuments)
            throws Exception {
        String csp = AppContentSecurityPolicy.of(liveKit, app);
        return apiSecurity
                .apply(http)
                // replaces the shared API policy: the app must also reach LiveKit (and Stripe in Stripe mode)
                .headers(h -> h.contentSecurityPolicy(policy -> policy.policyDirectives(csp)))
                .oauth2ResourceServer(o -> o.bearerTokenResolver(ignoringPublicEndpoints()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(MONITORING)
                        .permitAll()
                        .requestMatchers(WEB_APP)
                        .permitAll()
                        .requestMatchers(apiDocuments.publicPaths())
                        .permitAll()
                        .requestMatchers("/auth/admin/**")
                        .hasRole(Caller.ROLE_ADMIN)
                        .requestMatchers("/auth/me", "/auth/token", "/auth/password", "/auth/logout")
                        .hasRole(Caller.ROLE_USER)
                        .anyRequest()
                        .authenticated())
                .build();
    }

    /** A stale or foreign Authorization header must not stop someone from signing in again. */
    private static BearerTokenResolver ignoringPublicEndpoints() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> PUBLIC.matches(request) ? null : standard.resolve(request);
    }
}
