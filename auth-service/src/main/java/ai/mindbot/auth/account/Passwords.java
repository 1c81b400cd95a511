package ai.mindbot.auth.account;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Slow salted hashes. New hashes are Argon2id ({@code {argon2}...}); the delegating encoder keeps
 * reading any other prefix it knows, so the algorithm or its cost can change without a reset.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of(
            "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt", new BCryptPasswordEncoder()));

    /** Compared against when the email is unknown, so that answer costs one hash like any other. */
    private final String decoy = encoder.encode(UUID.randomUUID().toString());

    public String hash(String raw) {
        return encoder.encode(raw);
    }

    public boolean matches(String raw, String hash) {
        return encoder.matches(raw, hash);
    }

    /** Spends the time a real check would, for a login whose email matched no account. */
    public void checkDecoy(String raw) {
        encoder.matches(raw, decoy);
    }

    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
