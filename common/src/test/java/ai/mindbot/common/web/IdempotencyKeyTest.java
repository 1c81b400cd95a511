package ai.mindbot.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void noHeaderMeansNoKey() {
        assertThat(IdempotencyKey.fromHeader(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "2b7e1516-28ae-d2a6-abf7-158809cf4f3c", "admin:grant/42?x=1&y=~"})
    void takesOneTo255VisibleAsciiCharacters(String key) {
        assertThat(IdempotencyKey.fromHeader(key)).map(IdempotencyKey::value).contains(key);
        assertThat(IdempotencyKey.fromHeader("k".repeat(255))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "with space", "tab\there", "caf\u00e9", "new\nline"})
    void refusesAnEmptyOrInvisibleOrNonAsciiKeyWithA400Problem(String key) {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader(key)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_idempotency_key");
        });
    }

    @Test
    void refusesAKeyLongerThan255() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("k".repeat(256))).isInstanceOf(ApiException.class);
    }
}
