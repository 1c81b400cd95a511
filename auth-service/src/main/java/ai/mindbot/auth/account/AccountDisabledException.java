package ai.mindbot.auth.account;

import org.springframework.http.HttpStatus;

import ai.mindbot.common.web.ApiException;

/** 403 {@code account_disabled}: an admin switched the account off. */
public class AccountDisabledException extends ApiException {

    public AccountDisabledException() {
        super(HttpStatus.FORBIDDEN, "account_disabled", "this account has been disabled; contact support");
    }
}
