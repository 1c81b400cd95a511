package ai.mindbot.auth.token.web;

import ai.mindbot.auth.account.EmailAddress;
import ai.mindbot.auth.account.Passwords;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {email, password}}. An email no account could have is refused here, before it is counted
 * against anyone's limits or hashed against anything: 400, nothing written.
 */
record LoginRequest(
        @NotBlank
        @Size(max = EmailAddress.MAX_LENGTH)
        @Pattern(regexp = EmailAddress.PATTERN, message = "must be an email address")
        String email,

        @NotNull @Size(max = Passwords.MAX_LENGTH) String password) {

    LoginRequest {
        email = EmailAddress.normalize(email);
    }
}
