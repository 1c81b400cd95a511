package ai.mindbot.time.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;

/** Asserts the problem+json contract: status, content type and stable code. */
public final class Problems {

    private Problems() {}

    public static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception");
    }
}
