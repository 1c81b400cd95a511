package ai.mindbot.common.security;

import ai.mindbot.common.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with two differences. A refused preflight is a problem+json 403 like every
 * other refusal. And an ordinary request from an origin not allowed is answered, just without CORS
 * headers, so the browser keeps the answer from that page: refusing it outright would also refuse our
 * own pages behind a TLS proxy, whose {@code https://} Origin a service reached over plain HTTP cannot
 * tell from a foreign one. Nothing is lost: every request that could do harm cross-site needs a
 * preflight (JSON bodies, bearer tokens), and that is where foreign origins are stopped.
 */
final class CorsRefusals extends DefaultCorsProcessor {

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!CorsUtils.isPreFlightRequest(request) && config != null && config.checkOrigin(origin) == null) {
            return true;
        }
        if (super.processRequest(config, request, response)) {
            return true;
        }
        Problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "cors_refused",
                "pages from " + origin
                        + " may not call this service (CORS_ALLOWED_ORIGINS), or not with this method or headers");
        return false;
    }

    /** Spring writes a plain-text body here; the problem document is written above instead. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {}
}
