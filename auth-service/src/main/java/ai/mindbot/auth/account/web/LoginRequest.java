package ai.mindbot.auth.account.web;

import ai.mindbot.auth.account.EmailAddress;
import ai.mindbot.auth.account.Passwords;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {email, password}}. Only lengths are checked: a malformed email simply matches no account. */
record LoginRequest(
        @NotBlank @Size(max = EmailAddress.MAX_LENGTH) String email,
        @NotNull @Size(max = Passwords.MAX_LENGTH) String password) {
}
