package ai.mindbot.auth.token.web;

import ai.mindbot.auth.account.AccountService;
import ai.mindbot.auth.account.ActiveAccountRefusals;
import ai.mindbot.auth.token.SignInTokens;
import ai.mindbot.auth.token.SignIns;
import ai.mindbot.common.apidocs.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
class SignInController {

    private final SignIns signIns;
    private final AccountService accounts;

    SignInController(SignIns signIns, AccountService accounts) {
        this.signIns = signIns;
        this.accounts = accounts;
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    record LogoutRequest(@Size(max = 200) String refreshToken) {}

    /** A new access token and the next refresh token; the presented one is spent. */
    @Refusal(status = 401, code = "invalid_refresh_token", when = "the refresh token is unknown, spent or expired")
    @Refusal(status = 403, code = "account_disabled", when = "the account was disabled since")
    @PostMapping("/refresh")
    SignInTokens refresh(@Valid @RequestBody RefreshRequest body) {
        return signIns.refresh(body.refreshToken());
    }

    /**
     * Ends the sign-in of the given refresh token, or every sign-in of the caller when the body has
     * none. Access tokens already issued stay valid until they expire (at most {@code JWT_TTL_SECONDS}).
     */
    @ActiveAccountRefusals
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody(required = false) LogoutRequest body) {
        long userId = accounts.activeAccount(jwt.getSubject()).id();
        signIns.close(userId, body == null ? null : body.refreshToken());
    }
}
