package ai.mindbot.auth.passthrough;

import ai.mindbot.common.web.BodySizeLimitFilter;
import ai.mindbot.common.web.Problems;
import ai.mindbot.common.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Streams one {@code /time/**} request to the time service and its answer back, headers and bodies
 * unchanged (Authorization, Idempotency-Key, X-Request-Id included) but for the hop-by-hop headers
 * a proxy must not forward (RFC 9110 §7.6.1). Nothing is buffered: bodies flow through in chunks.
 * An unreachable or silent time service is a problem+json 502/504, never a stack trace.
 */
final class TimeApiPassThrough extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TimeApiPassThrough.class);

    /** Hop-by-hop, plus those the JDK client sets itself and refuses to take from us. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");

    /**
     * The raw path is forwarded as the browser sent it, so anything a server could read as a different
     * path than the one matched here (dot segments, encoded slashes or dots, path parameters) is refused.
     */
    private static final Pattern AMBIGUOUS_PATH = Pattern.compile("(?i).*(\\.\\.|%2e|%2f|%5c|\\\\|;|//).*");

    /** How long the time service may take to start answering; its slowest call waits on Stripe (~10 s). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    TimeApiPassThrough(URI upstream) {
        this.upstream = upstream;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String path = request.getRequestURI();
        if (AMBIGUOUS_PATH.matcher(path).matches()) {
            Problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid_path", "this path cannot be passed on");
            return;
        }
        String query = request.getQueryString();
        URI target = URI.create(upstream + path + (query == null ? "" : "?" + query));
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(forward(request, target), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            log.warn("time service did not answer {} {} within {}", request.getMethod(), path, ANSWER_TIMEOUT);
            Problems.write(
                    request,
                    response,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "time_service_timeout",
                    "the time service did not answer in time; please retry");
            return;
        } catch (ConnectException e) {
            log.warn("time service unreachable at {}: {}", upstream, e.toString());
            Problems.write(
                    request,
                    response,
                    HttpStatus.BAD_GATEWAY,
                    "time_service_unavailable",
                    "the time service cannot be reached; please retry shortly");
            return;
        } catch (IOException e) {
            if (causedBy(e, BodySizeLimitFilter.BodyTooLargeException.class)) {
                // a chunked body passed the shared cap while we streamed it on: the caller's fault
                Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body_too_large", e.getMessage());
                return;
            }
            log.warn("time service failed on {} {}: {}", request.getMethod(), path, e.toString());
            Problems.write(
                    request,
                    response,
                    HttpStatus.BAD_GATEWAY,
                    "time_service_unavailable",
                    "the time service failed to answer; please retry shortly");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Problems.write(
                    request, response, HttpStatus.SERVICE_UNAVAILABLE, "shutting_down", "the service is stopping");
            return;
        }
        relay(answer, response);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest forward(HttpServletRequest request, URI target) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(ANSWER_TIMEOUT);
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))
                    && !name.equalsIgnoreCase(RequestIdFilter.HEADER)) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    builder.header(name, value);
                }
            }
        }
        // The id this request is logged under here, so one id follows it through both services' logs.
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            builder.header(RequestIdFilter.HEADER, requestId);
        }
        return builder.method(request.getMethod(), body(request)).build();
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        InputStream in = request.getInputStream();
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> in);
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    private static void relay(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(":") || (NOT_FORWARDED.contains(lower) && !lower.equals("content-length"))) {
                continue;
            }
            // setHeader for the first value: our own X-Request-Id (the same id) must not appear twice.
            boolean first = true;
            for (String value : header.getValue()) {
                if (first) {
                    response.setHeader(name, value);
                    first = false;
                } else {
                    response.addHeader(name, value);
                }
            }
        }
        try (InputStream in = answer.body()) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (in.available() == 0) {
                    out.flush(); // a slow upstream's bytes reach the browser as they come
                }
            }
        }
    }
}
