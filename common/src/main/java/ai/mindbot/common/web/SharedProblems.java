package ai.mindbot.common.web;

import org.springframework.http.HttpStatus;

/**
 * The refusals more than one service answers, built in one place so a client sees the same status,
 * code and sentence whichever service refused it (auth refuses a disabled account's sign-in, time
 * refuses its purchases and sessions).
 */
public final class SharedProblems {

    public static final String ACCOUNT_DISABLED = "account_disabled";

    private SharedProblems() {}

    /** 403 {@code account_disabled}: an admin switched the account off. */
    public static ApiException accountDisabled() {
        return new ApiException(HttpStatus.FORBIDDEN, ACCOUNT_DISABLED, "this account is disabled; contact support");
    }
}
