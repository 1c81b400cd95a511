package ai.mindbot.auth.account;

import ai.mindbot.common.security.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who is an admin: the emails in {@code ADMIN_USERS} (comma-separated, compared like every email).
 * Read at token issue time, so a change takes effect with the next login or refresh.
 */
@Component
public class AdminUsers {

    private final Set<String> emails;

    AdminUsers(@Value("${mindbot.auth.admin-users:}") String adminUsers) {
        this.emails = Arrays.stream(adminUsers.split(","))
                .map(EmailAddress::normalize)
                .filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public List<String> rolesOf(UserAccount account) {
        return emails.contains(EmailAddress.normalize(account.email()))
                ? List.of(Caller.ROLE_USER, Caller.ROLE_ADMIN)
                : List.of(Caller.ROLE_USER);
    }
}
