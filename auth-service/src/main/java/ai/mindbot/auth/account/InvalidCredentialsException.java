package ai.mindbot.auth.account;

import ai.mindbot.common.web.ApiException;
import org.springframework.http.HttpStatus;

/** 401 {@code invalid_credentials}, the same for an unknown email and a wrong password. */
class InvalidCredentialsException extends ApiException {

    public InvalidCredentialsException() {
        super(HttpStatus.UNAUTHORIZED, "invalid_credentials", "email or password is incorrect");
    }
}
