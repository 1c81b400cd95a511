package ai.mindbot.admin.web;

import ai.mindbot.admin.upstream.Services;
import ai.mindbot.admin.upstream.UpstreamAnswer;
import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.ApiException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /admin/session/login {email, password}}: the panel signs in through here, and this
 * forwards to the auth service's {@code POST /auth/login} server-side, so the browser only ever
 * talks to its own origin (no CORS needed on auth). Auth's refusals (401, 429 with Retry-After)
 * pass through; a valid sign-in without the admin role is refused here with 403, so a non-admin
 * token never reaches the panel.
 */
@RestController
class LoginController {

    record Login(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {}

    private final Services services;
    private final JwtDecoder jwtDecoder;

    LoginController(Services services, JwtDecoder jwtDecoder) {
        this.services = services;
        this.jwtDecoder = jwtDecoder;
    }

    @ApiResponse(
            responseCode = "200",
            description = "auth-service's POST /auth/login answer, passed on: access_token, refresh_token, ...",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @Refusal(
            status = 401,
            code = "invalid_credentials",
            when = "email or password is incorrect (auth-service's answer)")
    @Refusal(status = 403, code = "not_admin", when = "the account is not an admin")
    @Refusal(status = 429, code = "rate_limited", when = "too many attempts (auth-service's answer, with Retry-After)")
    @Refusal(status = 502, code = "auth_unavailable", when = "the auth service could not be reached")
    @Refusal(
            status = 502,
            code = "auth_mismatch",
            when = "the auth service's token does not verify here (JWT_SECRET, JWT_ISSUER)")
    @PostMapping("/admin/session/login")
    ResponseEntity<JsonNode> login(@Valid @RequestBody Login login, HttpServletRequest request) {
        UpstreamAnswer answer = services.auth()
                .post(
                        "/auth/login",
                        Map.of("email", login.email(), "password", login.password()),
                        null,
                        Map.of("X-Forwarded-For", request.getRemoteAddr()));
        if (answer.unreachable() || answer.status() >= 500) {
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "auth_unavailable",
                    "the auth service could not be reached; try again shortly");
        }
        if (!answer.ok()) {
            ResponseEntity.BodyBuilder refusal =
                    ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode retryAfter = answer.body() == null ? null : answer.body().get("retry_after_seconds");
            if (retryAfter != null && !retryAfter.isNull()) {
                refusal.header("Retry-After", retryAfter.asString());
            }
            return refusal.body(answer.body());
        }
        JsonNode token = answer.body() == null ? null : answer.body().get("access_token");
        if (token == null || token.isNull()) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "auth_unavailable", "the auth service gave no access token");
        }
        Jwt jwt;
        try {
            jwt = jwtDecoder.decode(token.asString());
        } catch (JwtException e) {
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "auth_mismatch",
                    "the auth service's token is not valid here; do both services share JWT_SECRET and JWT_ISSUER?");
        }
        if (!Caller.of(jwt).is(Caller.ROLE_ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not_admin", "this account is not an admin");
        }
        return ResponseEntity.ok(answer.body());
    }
}
