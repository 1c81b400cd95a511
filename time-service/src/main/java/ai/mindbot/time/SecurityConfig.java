package ai.mindbot.time;

import ai.mindbot.common.apidocs.ApiDocuments;
import ai.mindbot.common.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Which callers may reach which endpoints of the time-service. Anything not listed needs a valid token. */
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
                        // sessions: LiveKit authenticates by signing the body; admins end sessions
                        .requestMatchers(HttpMethod.POST, "/webhooks/livekit")
                        .permitAll()
                        .requestMatchers("/time/admin/sessions/**")
                        .hasRole("admin")
                        // payments: prices are public, Stripe authenticates its webhook by signature
                        .requestMatchers(HttpMethod.GET, "/time/pricing")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/webhooks/stripe")
                        .permitAll()
                        .requestMatchers("/time/admin/**")
                        .hasRole("admin")
                        .requestMatchers("/time/purchase", "/time/purchases/**", "/time/balance", "/time/transactions")
                        .hasRole("user")
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
