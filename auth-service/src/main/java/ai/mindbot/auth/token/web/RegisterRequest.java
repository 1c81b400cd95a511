package ai.mindbot.auth.token.web;

import ai.mindbot.auth.account.EmailAddress;
import ai.mindbot.auth.account.Passwords;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {email, password, full_name}}; the email is normalized before it is validated. */
record RegisterRequest(
        @NotBlank
        @Size(max = EmailAddress.MAX_LENGTH)
        @Pattern(regexp = EmailAddress.PATTERN, message = "must be an email address")
        String email,

        @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
        String password,

        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String fullName) {

    RegisterRequest {
        email = EmailAddress.normalize(email);
    }
}
