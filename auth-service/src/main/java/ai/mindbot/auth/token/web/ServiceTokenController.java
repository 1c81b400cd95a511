package ai.mindbot.auth.token.web;

import ai.mindbot.auth.ratelimit.ClientAddress;
import ai.mindbot.auth.token.IssuedToken;
import ai.mindbot.auth.token.ServiceCredentials;
import ai.mindbot.common.apidocs.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ServiceTokenController {

    private final ServiceCredentials credentials;
    private final ClientAddress clientAddress;

    ServiceTokenController(ServiceCredentials credentials, ClientAddress clientAddress) {
        this.credentials = credentials;
        this.clientAddress = clientAddress;
    }

    record ServiceTokenRequest(@NotBlank @Size(max = 512) String apiKey) {}

    record ServiceToken(String accessToken, String tokenType, long expiresIn) {}

    @Refusal(status = 401, code = "invalid_api_key", when = "the API key is not valid")
    @Refusal(
            status = 429,
            code = "rate_limited",
            when = "too many requests from this address; Retry-After says when to ask again")
    @PostMapping("/auth/service-token")
    ServiceToken exchange(@Valid @RequestBody ServiceTokenRequest body, HttpServletRequest request) {
        IssuedToken token = credentials.exchange(body.apiKey(), clientAddress.of(request));
        return new ServiceToken(token.value(), "bearer", token.expiresInSeconds());
    }
}
