package ai.mindbot.auth.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResetSettingsTest {

    @Test
    void theTokenTravelsInTheFragmentNeverInThePathOrQuery() {
        ResetSettings settings = new ResetSettings(Duration.ofHours(1), "https://mindbot.ai/");
        assertThat(settings.linkFor("abc_DEF-123")).isEqualTo("https://mindbot.ai/#/reset/abc_DEF-123");
    }

    @Test
    void refusesAnAppUrlThatIsNotHttpAndATtlThatIsNotPositive() {
        assertThatThrownBy(() -> new ResetSettings(Duration.ofHours(1), "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResetSettings(Duration.ZERO, "https://mindbot.ai"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
