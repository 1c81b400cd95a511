package ai.mindbot.launcher.cluster;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ai.mindbot.common.test.Http;

/**
 * What a well-behaved client does while an instance dies behind the load balancer: a dropped
 * connection or a 502/503/504 from nginx is tried again after a pause, with the same
 * Idempotency-Key where the request has one. Any other 5xx is a server fault and is counted.
 */
final class Retrying {

    private static final int ATTEMPTS = 40;

    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger serverFaults = new AtomicInteger();
    private final StringBuffer faults = new StringBuffer();

    Http.Response call(String what, Supplier<Http.Response> request) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Http.Response response = request.get();
                int status = response.status();
                if (status != 502 && status != 503 && status != 504) {
                    if (status >= 500) {
                        serverFaults.incrementAndGet();
                        faults.append(what).append(": ").append(status).append(' ')
                                .append(response.body(), 0, Math.min(200, response.body().length())).append('\n');
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
