package ai.mindbot.common.test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks on a single answer that hand the answer back, so a test can check it and pass it on in
 * one expression, e.g. {@code contract.assertAnswer("GET", path, problem(404, "not_found", r))}.
 * Each failure message carries the body, which is what one needs to see when a status is wrong.
 */
public final class Responses {

    private Responses() {}

    /** A 200. */
    public static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** An RFC 9457 problem with this status and stable {@code code}. */
    public static Http.Response problem(int status, String code, Http.Response response) {
        assertThat(problem(status, response).json().path("code").asString())
                .as(response.body())
                .isEqualTo(code);
        return response;
    }

    /** An RFC 9457 problem with this status, whatever its code. */
    public static Http.Response problem(int status, Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response;
    }
}
