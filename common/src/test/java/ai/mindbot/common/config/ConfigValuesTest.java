package ai.mindbot.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConfigValuesTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("STRIPE_SECRET_KEY", "  sk_test_123 ")
            .withProperty("DATABASE_URL", "")
            .withProperty("REDIS_URL", "   ")
            .withProperty("LIVEKIT_TOKEN_TTL_SECONDS", "60")
            .withProperty("REDIS_TIMEOUT_MILLIS", "soon");
    private final ConfigValues config = ConfigValues.of(environment);

    @Test
    void readsAValueWithoutItsSurroundingSpaces() {
        assertThat(config.text("STRIPE_SECRET_KEY")).contains("sk_test_123");
    }

    @Test
    void takesABlankOrMissingValueAsNotSet() {
        assertThat(config.text("DATABASE_URL")).isEmpty();
        assertThat(config.isSet("REDIS_URL")).isFalse();
        assertThat(config.text("NOT_THERE", "fallback")).isEqualTo("fallback");
    }

    @Test
    void readsNumbersAndNamesTheSettingThatIsNotOne() {
        assertThat(config.number("LIVEKIT_TOKEN_TTL_SECONDS", 1)).isEqualTo(60);
        assertThat(config.number("NOT_THERE", 7)).isEqualTo(7);
        assertThatThrownBy(() -> config.number("REDIS_TIMEOUT_MILLIS", 500))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("REDIS_TIMEOUT_MILLIS");
    }
}
