package ai.mindbot.time.admin;

import ai.mindbot.common.web.ApiException;
import ai.mindbot.common.web.RequestIdFilter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether a user exists, asked of the service that owns accounts. The time service has no user
 * directory of its own and must not trust its caller (the admin dashboard checks too, but anyone
 * holding an admin token can call us directly): a grant or a disable for an id no account has
 * would create a phantom account and ledger rows, waiting for whoever registers with that id.
 * The question goes to auth's {@code GET /auth/admin/users/{id}} with the acting admin's own token,
 * so auth decides with its own rules whether this caller may ask.
 */
@Component
class UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
    /** A user id as auth issues it: the decimal account number in the token's {@code sub}. */
    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final HttpClient client;
    private final String authUrl;
    private final Duration timeout;

    UserDirectory(
            @Value("${mindbot.time.auth-service-url}") String authUrl,
            @Value("${mindbot.time.auth-timeout:5s}") Duration timeout) {
        this.authUrl = authUrl.endsWith("/") ? authUrl.substring(0, authUrl.length() - 1) : authUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Returns when {@code userId} names an account; otherwise 400 {@code invalid_user_id} (not an id
     * auth could have issued), 404 {@code unknown_user} (auth has no such account), or 503
     * {@code auth_unavailable} (auth could not say; nothing is done on a guess).
     */
    void requireExisting(String userId, String adminBearer) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw ApiException.badRequest("invalid_user_id", "user_id must be a user's numeric id");
        }
        int status = ask(userId, adminBearer);
        if (status == 200) {
            return;
        }
        if (status == 404) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown_user", "no account has the user id " + userId);
        }
        log.warn("auth answered {} when asked whether user {} exists", status, userId);
        throw new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "auth_unavailable",
                "the account service could not confirm the user; nothing was changed, retry later",
                Map.of("retry_after_seconds", 5));
    }

    private int ask(String userId, String adminBearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(authUrl + "/auth/admin/users/" + userId))
                .timeout(timeout)
                .header("Authorization", "Bearer " + adminBearer)
                .header("Accept", "application/json")
                .GET();
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            request.header(RequestIdFilter.HEADER, requestId);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            log.warn("auth unreachable at {}: {}", authUrl, e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
