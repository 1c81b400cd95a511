package ai.mindbot.auth.token;

import ai.mindbot.common.web.ApiException;
import org.springframework.http.HttpStatus;

/** 401 {@code invalid_refresh_token}: unknown, expired, already used or revoked. The client signs in again. */
class InvalidRefreshTokenException extends ApiException {

    public InvalidRefreshTokenException() {
        super(
                HttpStatus.UNAUTHORIZED,
                "invalid_refresh_token",
                "the refresh token is invalid or expired; sign in again");
    }
}
