package ai.mindbot.auth.ratelimit;

import ai.mindbot.auth.ratelimit.AttemptLimiter.Reservation;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Limits password guessing without handing anyone a way to lock an owner out. A refusal that
 * follows failures on the account alone (the old rule) let whoever knew an email keep its owner
 * out indefinitely, so, as large identity providers do:
 * <ul>
 * <li>failures per <em>account and client address</em> are refused past the limit: the guesser's
 * address is shut, the owner's is not;</li>
 * <li>failures per <em>account</em> from anywhere only slow its logins down (a step per failure past
 * the limit, up to a maximum), so spreading guesses over many addresses buys little speed;</li>
 * <li>failures per <em>address</em> across accounts are refused past their own limit, as before;</li>
 * <li>a password reset forgets the account's failures ({@link #forgetFailures}).</li>
 * </ul>
 * A successful check releases what the attempt counted.
 */
@Component
public class LoginThrottle {

    private final AttemptLimiter limiter;
    private final RateLimitSettings settings;
    private final MeterRegistry metrics;

    LoginThrottle(AttemptLimiter limiter, RateLimitSettings settings, MeterRegistry metrics) {
        this.limiter = limiter;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Counts a password check for this (normalized) email from this address, waits first if the
     * account has been failing, or throws {@link RateLimitedException} (counting nothing) when this
     * address or this address-and-account pair is at its limit.
     */
    public Reservation begin(String email, String clientAddress) {
        Reservation refused = limiter.reserve(
                Bucket.LOGIN_ACCOUNT_ADDRESS.key(pairSubject(email, clientAddress)),
                Bucket.LOGIN_ADDRESS.key(clientAddress));
        Reservation account = limiter.record(Bucket.LOGIN_ACCOUNT.key(email));
        Duration delay = settings.loginDelay(account.counted());
        if (!delay.isZero()) {
            metrics.counter("mindbot.auth.login_slowed").increment();
            sleep(delay);
        }
        return refused.and(account);
    }

    /**
     * Forgets every failed login counted against this email, from every address: the lock and the
     * slowdown are lifted. For the password reset, which proves the owner holds the mailbox.
     */
    public void forgetFailures(String email) {
        // the stored email is already normalized; normalizing again makes a typed one work too
        String normalized =
                Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        limiter.forget(Bucket.LOGIN_ACCOUNT, normalized);
        limiter.forgetStartingWith(Bucket.LOGIN_ACCOUNT_ADDRESS, accountPart(normalized) + "|");
    }

    /**
     * The pair's counter subject: a digest of the email (fixed length, so the address is never cut
     * off by the column size) and the address.
     */
    static String pairSubject(String email, String clientAddress) {
        return accountPart(email) + "|" + clientAddress;
    }

    private static String accountPart(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis()); // a virtual thread: waiting costs no platform thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
