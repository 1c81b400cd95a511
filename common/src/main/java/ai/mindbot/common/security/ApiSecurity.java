package ai.mindbot.common.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.filter.CorsFilter;

/**
 * The security every MindBot API shares: stateless bearer tokens verified by the shared
 * {@link org.springframework.security.oauth2.jwt.JwtDecoder}, roles from the {@code roles} claim,
 * problem+json for 401/403, and browsers' cross-origin calls only from {@link AllowedOrigins}. A
 * service calls {@link #apply} and then states its own URL rules.
 */
public class ApiSecurity {

    private final JwtAuthenticationConverter converter;
    private final AllowedOrigins origins;
    private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();

    public ApiSecurity(JwtAuthenticationConverter converter, AllowedOrigins origins) {
        this.converter = converter;
        this.origins = origins;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        CorsFilter cors = new CorsFilter(origins.configurationSource());
        cors.setCorsProcessor(new CorsRefusals());
        return http.addFilter(cors) // where Spring Security places CORS: preflights are answered before authentication
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(
                        h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")))
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
    }
}
