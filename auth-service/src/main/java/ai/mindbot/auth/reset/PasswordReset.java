package ai.mindbot.auth.reset;

import ai.mindbot.auth.account.AccountStore;
import ai.mindbot.auth.account.EmailAddress;
import ai.mindbot.auth.account.Passwords;
import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.auth.ratelimit.AttemptLimiter;
import ai.mindbot.auth.ratelimit.Bucket;
import ai.mindbot.auth.ratelimit.LoginThrottle;
import ai.mindbot.auth.ratelimit.RateLimitedException;
import ai.mindbot.auth.token.SignIns;
import ai.mindbot.common.web.ApiException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asking for a reset and using the link. A request looks the same from outside whether or not the
 * email has an account: the same answer, and the mail is sent off the request thread so a slow SMTP
 * server does not time the difference either.
 */
@Service
public class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final AccountStore accounts;
    private final Passwords passwords;
    private final ResetTokenStore tokens;
    private final ResetMail mail;
    private final ResetSettings settings;
    private final AttemptLimiter limiter;
    private final SignIns signIns;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LoginThrottle throttle;
    /** Two daemon threads: the rate limits bound how many mails can queue behind a slow SMTP server. */
    private final Executor mailer = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "reset-mail");
        thread.setDaemon(true);
        return thread;
    });

    PasswordReset(
            AccountStore accounts,
            Passwords passwords,
            ResetTokenStore tokens,
            ResetMail mail,
            ResetSettings settings,
            AttemptLimiter limiter,
            SignIns signIns,
            TransactionTemplate transaction,
            Clock clock,
            LoginThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.mail = mail;
        this.settings = settings;
        this.limiter = limiter;
        this.signIns = signIns;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Mails a reset link if the email has an active account. Too many requests from one address are
     * refused (429, which says nothing about any account); too many for one email are dropped silently,
     * so nobody can flood someone's inbox and the answer still reveals nothing.
     */
    public void request(String email, String clientAddress) {
        limiter.reserve(Bucket.RESET_ADDRESS.key(clientAddress));
        String normalized = EmailAddress.normalize(email);
        try {
            limiter.reserve(Bucket.RESET_ACCOUNT.key(normalized));
        } catch (RateLimitedException tooManyForThisEmail) {
            log.info("password reset: too many requests for one email; no further mail sent this window");
            return;
        }
        Optional<UserAccount> account = accounts.findByEmail(normalized).filter(a -> !a.disabled());
        if (account.isEmpty()) {
            return;
        }
        String link = settings.linkFor(tokens.issue(account.get().id()));
        log.info("password reset requested for user {}", account.get().id());
        mailer.execute(() -> {
            try {
                mail.send(account.get().email(), link);
            } catch (RuntimeException e) {
                log.warn(
                        "password reset mail for user {} could not be sent: {}",
                        account.get().id(),
                        e.toString());
            }
        });
    }

    /**
     * Sets the new password if the token is good, spending it and every other link of the user, and
     * ends every sign-in of the account. whoever had the old password is signed out everywhere.
     */
    public void reset(String token, String newPassword) {
        String hash = passwords.hash(newPassword); // slow; outside the transaction
        long userId = transaction.execute(status -> {
            long user = tokens.spend(token)
                    .orElseThrow(() -> new ApiException(
                            HttpStatus.BAD_REQUEST,
                            "invalid_reset_token",
                            "this reset link is invalid, already used or expired; ask for a new one"));
            accounts.changePassword(user, hash, clock.millis());
            tokens.voidAll(user);
            signIns.closeAll(user);
            return user;
        });
        // the reset proves the owner holds the mailbox: failed guesses against the account no longer
        // lock or slow their logins (the per-address limits stay)
        accounts.findById(userId).ifPresent(account -> throttle.forgetFailures(account.email()));
        log.info("user {} reset their password; every sign-in ended, failed logins forgotten", userId);
    }
}
