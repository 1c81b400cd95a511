package ai.mindbot.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void hashesWithSaltedArgon2id() {
        String first = passwords.hash("secure_password");
        String second = passwords.hash("secure_password");
        assertThat(first).startsWith("{argon2}$argon2id$");
        assertThat(first).isNotEqualTo(second);
        assertThat(passwords.matches("secure_password", first)).isTrue();
        assertThat(passwords.matches("secure_passwore", first)).isFalse();
        assertThat(passwords.needsRehash(first)).isFalse();
    }

    @Test
    void stillReadsBcryptHashesAndAsksForAnUpgrade() {
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("old password");
        assertThat(passwords.matches("old password", bcrypt)).isTrue();
        assertThat(passwords.needsRehash(bcrypt)).isTrue();
    }
}
