package ai.mindbot.auth.account;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Slow salted hashes. New hashes are Argon2id ({@code {argon2}...}); the delegating encoder keeps
 * reading any other prefix it knows, so the algorithm or its cost can change without a reset.
 *
 * <p>Each Argon2id hash allocates 16 MiB and keeps a core busy for its whole run, so only a few run
 * at once (two per core) and the rest wait their turn. Unbounded, a burst of sign-ups ran a 320 MB
 * heap out of memory in the cluster check (24 at once, 384 MiB) and answered 500s; more hashes at
 * once than cores would only have made each of them slower anyway.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder;
    private final Semaphore hashing;

    /** Compared against when the email is unknown, so that answer costs one hash like any other. */
    private final String decoy;

    public Passwords() {
        this(
                new DelegatingPasswordEncoder(
                        "argon2",
                        Map.of(
                                "argon2",
                                Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                                "bcrypt",
                                new BCryptPasswordEncoder())),
                2 * Runtime.getRuntime().availableProcessors());
    }

    Passwords(PasswordEncoder encoder, int atOnce) {
        this.encoder = encoder;
        this.hashing = new Semaphore(atOnce, true);
        this.decoy = encoder.encode(UUID.randomUUID().toString());
    }

    public String hash(String raw) {
        return inTurn(() -> encoder.encode(raw));
    }

    public boolean matches(String raw, String hash) {
        return inTurn(() -> encoder.matches(raw, hash));
    }

    /** Spends the time a real check would, for a login whose email matched no account. */
    public void checkDecoy(String raw) {
        inTurn(() -> encoder.matches(raw, decoy));
    }

    private <T> T inTurn(Supplier<T> work) {
        hashing.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
