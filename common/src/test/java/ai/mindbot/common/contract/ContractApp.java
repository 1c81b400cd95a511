package ai.mindbot.common.contract;

import ai.mindbot.common.security.ApiSecurity;
import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built only from common, to test the conventions every real service inherits. */
@SpringBootApplication
public class ContractApp {

    static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ContractApp.class)
                .properties(
                        "spring.config.name=contract-app", "mindbot.db.sqlite-path=${MINDBOT_DATA_DIR}/contract.db");
    }

    record Greeting(
            @NotBlank @Size(max = 20) String name,
            @Min(1) @Max(10) int times) {}

    @RestController
    @Validated
    static class Endpoints {

        @PostMapping("/greet")
        String greet(@Valid @RequestBody Greeting greeting, @AuthenticationPrincipal Jwt jwt) {
            return "{\"greeting\":\"hi " + greeting.name() + "\",\"caller\":\""
                    + Caller.of(jwt).userId() + "\"}";
        }

        @GetMapping("/things/{id}")
        String thing(@PathVariable String id) {
            return "{\"id\":\"" + id.length() + "\"}";
        }

        @GetMapping("/admin-only")
        String adminOnly() {
            return "{}";
        }

        @GetMapping("/teapot")
        String teapot(@RequestParam(defaultValue = "1") @Min(1) int cups) {
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS, "slow_down", "too many cups", Map.of("retry_after_seconds", 42));
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("internal detail that must not leak");
        }
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        return apiSecurity
                .apply(http)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/health")
                        .permitAll()
                        .requestMatchers("/admin-only")
                        .hasRole(Caller.ROLE_ADMIN)
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
