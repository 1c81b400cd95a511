package ai.mindbot.auth.admin;

import ai.mindbot.auth.account.AccountStore;
import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.auth.token.SignIns;
import ai.mindbot.common.web.ApiException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Disabling and enabling accounts. Each action is logged with the admin who took it. */
@Service
class AccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

    private final AccountStore accounts;
    private final SignIns signIns;
    private final Clock clock;

    AccountAdministration(AccountStore accounts, SignIns signIns, Clock clock) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.clock = clock;
    }

    UserAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> ApiException.notFound("user " + id));
    }

    /** The account can no longer sign in or refresh; its sign-ins end in the same transaction. */
    @Transactional
    UserAccount disable(long id, String reason, String adminSubject) {
        if (Long.toString(id).equals(adminSubject)) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "cannot_disable_self", "an admin cannot disable their own account");
        }
        if (!accounts.disable(id, reason, adminSubject, clock.millis())) {
            throw ApiException.notFound("user " + id);
        }
        signIns.closeAll(id);
        log.info("admin {} disabled user {}", adminSubject, id);
        return find(id);
    }

    UserAccount enable(long id, String adminSubject) {
        if (!accounts.enable(id, clock.millis())) {
            throw ApiException.notFound("user " + id);
        }
        log.info("admin {} enabled user {}", adminSubject, id);
        return find(id);
    }
}
