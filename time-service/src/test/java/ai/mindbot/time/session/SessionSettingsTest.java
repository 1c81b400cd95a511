package ai.mindbot.time.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    private final SessionSettings defaults = new SessionSettings(60, 30, 15, 5);

    @Test
    void grantsAFullSliceOrWhateverIsLeft() {
        assertThat(defaults.nextSlice(3600)).isEqualTo(60);
        assertThat(defaults.nextSlice(42)).isEqualTo(42);
        assertThat(defaults.nextSlice(0)).isZero();
        assertThat(defaults.nextSlice(-5)).isZero(); // a refund can leave less than the others hold
    }

    @Test
    void refusesAMinimumLargerThanTheSlice() {
        assertThatThrownBy(() -> new SessionSettings(30, 60, 15, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionSettings(0, 0, 15, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
