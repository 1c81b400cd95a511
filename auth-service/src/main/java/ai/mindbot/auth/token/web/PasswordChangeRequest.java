package ai.mindbot.auth.token.web;

import ai.mindbot.auth.account.Passwords;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {current_password, new_password}}. */
record PasswordChangeRequest(
        @NotNull @Size(max = Passwords.MAX_LENGTH) String currentPassword,

        @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
        String newPassword) {}
