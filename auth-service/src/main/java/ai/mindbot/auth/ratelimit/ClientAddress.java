package ai.mindbot.auth.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for per-address limits. The TCP peer, unless
 * {@code TRUST_PROXY} says a reverse proxy stands in front: then the last {@code X-Forwarded-For}
 * entry, the one our proxy appended (earlier entries are whatever the client chose to send).
 */
@Component
public class ClientAddress {

    private final boolean trustForwarded;

    ClientAddress(@Value("${mindbot.http.trust-forwarded:false}") boolean trustForwarded) {
        this.trustForwarded = trustForwarded;
    }

    public String of(HttpServletRequest request) {
        if (trustForwarded) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
