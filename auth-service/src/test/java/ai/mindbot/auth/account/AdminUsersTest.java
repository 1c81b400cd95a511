package ai.mindbot.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminUsersTest {

    private final AdminUsers admins = new AdminUsers(" Admin@MindBot.ai ,, ops@mindbot.ai,");

    @Test
    void listedEmailsAreAdminsWhateverTheirCase() {
        assertThat(admins.rolesOf(account("admin@mindbot.ai"))).containsExactly("user", "admin");
        assertThat(admins.rolesOf(account("OPS@mindbot.ai"))).containsExactly("user", "admin");
    }

    @Test
    void everyoneElseIsAUser() {
        assertThat(admins.rolesOf(account("someone@mindbot.ai"))).containsExactly("user");
        assertThat(new AdminUsers("").rolesOf(account("admin@mindbot.ai"))).containsExactly("user");
    }

    private static UserAccount account(String email) {
        return new UserAccount(1, email, "A", "{noop}x", Instant.EPOCH, null, null);
    }
}
