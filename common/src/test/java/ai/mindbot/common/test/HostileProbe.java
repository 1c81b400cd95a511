package ai.mindbot.common.test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends hostile values to one service and collects every broken promise instead of stopping at
 * the first: a 5xx, a refusal that is not problem+json (or whose {@code status} member is not the
 * HTTP status), a value every endpoint must refuse that was accepted, and a refusal after which
 * the service's data changed. {@code fingerprint} reads what the service has written (row counts,
 * update stamps); it is compared before and after each refused request.
 *
 * <p>A request line longer than the container's header buffer (8 KB, Tomcat's default) is refused
 * with a 400 and the connection closed while the client may still be writing; the client's kernel
 * then sees a reset and can discard the 400 before it is read. For those requests only, a dropped
 * connection counts as a refusal, and the data must still be unchanged.
 */
public final class HostileProbe {

    /** Tomcat's default {@code maxHttpHeaderSize}, which bounds the request line too. */
    static final int HEADER_BUFFER_BYTES = 8 * 1024;

    private final Http http;
    private final Supplier<Object> fingerprint;
    private final List<String> violations = new ArrayList<>();
    private int requests;

    public HostileProbe(Http http, Supplier<Object> fingerprint) {
        this.http = http;
        this.fingerprint = fingerprint;
    }

    /**
     * Sends {@code body} (or none) and checks the answer; {@code what} names endpoint, field and value.
     * Returns null when an over-long request line had its connection dropped.
     */
    public Http.Response send(String what, String method, String path, String body, String bearer, boolean mustRefuse) {
        Object before = fingerprint.get();
        Http.Response response;
        try {
            response = http.send(method, path, body, bearer, Map.of());
        } catch (UncheckedIOException dropped) {
            if (path.length() <= HEADER_BUFFER_BYTES) {
                throw dropped;
            }
            requests++;
            if (!before.equals(fingerprint.get())) {
                violations.add(what + ": connection dropped but data changed");
            }
            return null;
        }
        requests++;
        int status = response.status();
        if (status >= 500) {
            violations.add(what + ": " + status + " " + abbreviated(response.body()));
        } else if (status >= 400) {
            if (!response.contentType().startsWith("application/problem+json")) {
                violations.add(what + ": " + status + " as " + response.contentType());
            } else if (response.json().path("status").asInt() != status) {
                violations.add(
                        what + ": problem status member " + response.json().path("status") + " for " + status);
            }
            Object after = fingerprint.get();
            if (!before.equals(after)) {
                violations.add(what + ": refused with " + status + " but data changed from " + before + " to " + after);
            }
        } else if (mustRefuse) {
            violations.add(what + ": accepted with " + status + " " + abbreviated(response.body()));
        }
        return response;
    }

    /**
     * POSTs the endpoint's body once per hostile value in each of its fields in turn: every text
     * in {@code texts}, then every non-integer number. A text must be refused when that value always
     * is, a number when the field is one of {@code integerFields} (a text field may take a number);
     * {@code refuseAll} demands a refusal for every request (say, an unsigned webhook). {@code fields}
     * gives the body's raw JSON literals, afresh for each request.
     */
    public void postEachField(
            String path,
            String bearer,
            Supplier<Map<String, String>> fields,
            List<HostileValues.Value> texts,
            Set<String> integerFields,
            boolean refuseAll) {
        for (String field : fields.get().keySet()) {
            for (HostileValues.Value value : texts) {
                post(path, bearer, fields.get(), field, value, value.alwaysRefused() || refuseAll);
            }
            for (HostileValues.Value number : HostileValues.nonIntegers()) {
                post(path, bearer, fields.get(), field, number, integerFields.contains(field) || refuseAll);
            }
        }
    }

    private void post(
            String path,
            String bearer,
            Map<String, String> fields,
            String field,
            HostileValues.Value value,
            boolean mustRefuse) {
        send(
                "POST " + path + " " + field + " = " + value.label(),
                "POST",
                path,
                HostileValues.body(fields, field, value.json()),
                bearer,
                mustRefuse);
    }

    public int requests() {
        return requests;
    }

    public List<String> violations() {
        return violations;
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
