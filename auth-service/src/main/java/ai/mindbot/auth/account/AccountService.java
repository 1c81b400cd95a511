package ai.mindbot.auth.account;

import ai.mindbot.auth.ratelimit.AttemptLimiter;
import ai.mindbot.auth.ratelimit.AttemptLimiter.Reservation;
import ai.mindbot.auth.ratelimit.Bucket;
import ai.mindbot.auth.ratelimit.LoginThrottle;
import ai.mindbot.common.web.ApiException;
import ai.mindbot.common.web.SharedProblems;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What a person can do with their account: register, sign in, change the password. Every path that
 * checks a password goes through the {@link LoginThrottle} first (refused per address and per
 * account-and-address, slowed per account) and costs one hash even when the email is unknown, so
 * neither guessing nor timing tells an attacker much.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountStore accounts;
    private final Passwords passwords;
    private final AttemptLimiter limiter;
    private final LoginThrottle logins;
    private final Clock clock;
    private final MeterRegistry metrics;

    AccountService(
            AccountStore accounts,
            Passwords passwords,
            AttemptLimiter limiter,
            LoginThrottle logins,
            Clock clock,
            MeterRegistry metrics) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.limiter = limiter;
        this.logins = logins;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A new account; 409 {@code email_taken} when the (normalized) email already has one. */
    public UserAccount register(String email, String password, String fullName, String clientAddress) {
        limiter.reserve(Bucket.REGISTER_ADDRESS.key(clientAddress)); // every registration counts
        String normalized = EmailAddress.normalize(email);
        String hash = passwords.hash(password);
        UserAccount account = accounts.create(normalized, fullName.strip(), hash, clock.millis())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT, "email_taken", "an account with this email already exists"));
        log.info("registered user {}", account.id());
        count("register", "success");
        return account;
    }

    /** The account these credentials open; 401 for an unknown email or wrong password alike. */
    public UserAccount login(String email, String password, String clientAddress) {
        String normalized = EmailAddress.normalize(email);
        Reservation attempt = logins.begin(normalized, clientAddress);
        UserAccount account = accounts.findByEmail(normalized).orElse(null);
        if (account == null) {
            passwords.checkDecoy(password);
            count("login", "invalid_credentials");
            throw new InvalidCredentialsException();
        }
        if (!passwords.matches(password, account.passwordHash())) {
            count("login", "invalid_credentials");
            throw new InvalidCredentialsException();
        }
        attempt.release();
        if (account.disabled()) {
            count("login", SharedProblems.ACCOUNT_DISABLED);
            throw SharedProblems.accountDisabled();
        }
        count("login", "success");
        if (passwords.needsRehash(account.passwordHash())) {
            accounts.changePassword(account.id(), passwords.hash(password), clock.millis());
        }
        return account;
    }

    /**
     * Replaces the password after checking the current one (a stolen access token alone must not be
     * enough). Wrong guesses count like failed logins. The caller revokes the old signIns.
     */
    public void changePassword(UserAccount account, String currentPassword, String newPassword, String clientAddress) {
        Reservation attempt = logins.begin(account.email(), clientAddress);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "wrong_password", "the current password is incorrect");
        }
        attempt.release();
        accounts.changePassword(account.id(), passwords.hash(newPassword), clock.millis());
        log.info("user {} changed their password", account.id());
    }

    /** {@code mindbot_auth_attempts_total{action, outcome}}: a spike of failures is someone guessing. */
    private void count(String action, String outcome) {
        metrics.counter("mindbot.auth.attempts", "action", action, "outcome", outcome)
                .increment();
    }

    /** The account a verified token's {@code sub} names, as long as it still exists and is enabled. */
    public UserAccount activeAccount(String subject) {
        long userId;
        try {
            userId = Long.parseLong(subject);
        } catch (NumberFormatException notAUser) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not_a_user", "this token does not belong to a user account");
        }
        return activeAccount(userId);
    }

    public UserAccount activeAccount(long userId) {
        UserAccount account = accounts.findById(userId)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.UNAUTHORIZED, "unknown_account", "the account of this token no longer exists"));
        if (account.disabled()) {
            throw SharedProblems.accountDisabled();
        }
        return account;
    }
}
