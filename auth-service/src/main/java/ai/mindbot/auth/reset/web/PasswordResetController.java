package ai.mindbot.auth.reset.web;

import ai.mindbot.auth.account.EmailAddress;
import ai.mindbot.auth.account.Passwords;
import ai.mindbot.auth.ratelimit.ClientAddress;
import ai.mindbot.auth.reset.PasswordReset;
import ai.mindbot.common.apidocs.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth/password")
class PasswordResetController {

    private final PasswordReset reset;
    private final ClientAddress clientAddress;

    PasswordResetController(PasswordReset reset, ClientAddress clientAddress) {
        this.reset = reset;
        this.clientAddress = clientAddress;
    }

    record ResetRequest(
            @NotBlank
            @Size(max = EmailAddress.MAX_LENGTH)
            @Pattern(regexp = EmailAddress.PATTERN, message = "must be an email address")
            String email) {
        ResetRequest {
            email = email == null ? null : EmailAddress.normalize(email);
        }
    }

    record NewPassword(
            @NotBlank @Size(max = 100) String token,

            @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
            String newPassword) {}

    /** Always 202 (bar 429 for a flooding address): whether the email has an account stays unknown. */
    @Refusal(
            status = 429,
            code = "rate_limited",
            when = "too many requests from this address; Retry-After says when to ask again")
    @PostMapping("/reset-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        reset.request(body.email(), clientAddress.of(request));
        return new Accepted("if this email has an account, a reset link is on its way");
    }

    @Refusal(status = 400, code = "invalid_reset_token", when = "the reset link is invalid, already used or expired")
    @PostMapping("/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@Valid @RequestBody NewPassword body) {
        reset.reset(body.token(), body.newPassword());
    }

    record Accepted(String message) {}
}
