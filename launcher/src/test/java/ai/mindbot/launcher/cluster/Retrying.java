package ai.mindbot.launcher.cluster;

import ai.mindbot.common.test.Http;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What a well-behaved client does while an instance dies behind the load balancer: a dropped
 * connection or a 502/503/504 from nginx is tried again after a pause, with the same
 * Idempotency-Key where the request has one; a 429 from the edge's rate limit is tried again after
 * its Retry-After, and a purchase still in progress (409, its first attempt's instance died) after
 * the {@code retry_after_seconds} the answer gives. Any other 5xx is a server fault and is counted.
 */
final class Retrying {

    private static final int ATTEMPTS = 40;

    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger limited = new AtomicInteger();
    private final AtomicInteger serverFaults = new AtomicInteger();
    private final StringBuffer faults = new StringBuffer();

    Http.Response call(String what, Supplier<Http.Response> request) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Http.Response response = request.get();
                int status = response.status();
                long later = askAgainAfterSeconds(response);
                if (later > 0) {
                    last = new IllegalStateException(what + ": still told to wait after " + attempt + " attempts");
                    limited.incrementAndGet();
                    ServiceProcess.sleep(1000L * later);
                    continue;
                }
                if (status != 502 && status != 503 && status != 504) {
                    if (status >= 500) {
                        serverFaults.incrementAndGet();
                        faults.append(what)
                                .append(": ")
                                .append(status)
                                .append(' ')
                                .append(
                                        response.body(),
                                        0,
                                        Math.min(200, response.body().length()))
                                .append('\n');
                    }
                    return response;
                }
                last = new IllegalStateException(what + ": " + status + " after " + attempt + " attempts");
            } catch (UncheckedIOException e) {
                last = e;
            }
            retries.incrementAndGet();
            ServiceProcess.sleep(250L * Math.min(attempt, 8));
        }
        throw last;
    }

    /**
     * Seconds the answer says to wait before asking again: the edge's 429 ({@code Retry-After}), or a
     * purchase whose first attempt died with its instance (409 {@code purchase_in_progress},
     * {@code retry_after_seconds}); 0 for any other answer.
     */
    private static long askAgainAfterSeconds(Http.Response response) {
        if (response.status() == 409
                && "purchase_in_progress".equals(response.json().path("code").asString())) {
            return Math.max(1, response.json().path("retry_after_seconds").asLong(1));
        }
        if (response.status() != 429) {
            return 0;
        }
        String seconds = response.header("retry-after");
        try {
            return seconds == null ? 1 : Math.max(1, Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Answers that said "later" (the edge's 429, a purchase in progress), each waited out and tried again. */
    int limited() {
        return limited.get();
    }

    int retries() {
        return retries.get();
    }

    int serverFaults() {
        return serverFaults.get();
    }

    String faults() {
        return faults.toString();
    }
}
