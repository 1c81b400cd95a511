package ai.mindbot.admin;

import ai.mindbot.common.apidocs.ApiDocuments;
import ai.mindbot.common.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Which callers may reach which endpoints of the admin-dashboard: the API under /admin is for the
 * admin role only (sign-in excepted); the panel's static files, health, metrics and the API document are public.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity apiSecurity, ApiDocuments apiDocuments) throws Exception {
        return apiSecurity
                .apply(http)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/health", "/health/**", "/metrics")
                        .permitAll()
                        .requestMatchers(apiDocuments.publicPaths())
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/admin/session/login")
                        .permitAll()
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
