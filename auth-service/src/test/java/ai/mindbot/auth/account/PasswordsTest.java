package ai.mindbot.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

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

    @Test
    void runsOnlyAFewHashesAtOnceAndQueuesTheRest() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch decoyDone = new CountDownLatch(1);
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                int now = running.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                try {
                    if (decoyDone.getCount() == 0) {
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return "hash:" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encoded.equals(encode(raw));
            }
        };
        Passwords bounded = new Passwords(slow, 3);
        decoyDone.countDown();
        List<Thread> burst = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String password = "password-" + i;
            Thread thread = new Thread(() -> assertThat(bounded.matches(password, bounded.hash(password)))
                    .isTrue());
            burst.add(thread);
            thread.start();
        }
        for (Thread thread : burst) {
            thread.join();
        }
        assertThat(mostAtOnce.get()).isEqualTo(3);
    }
}
