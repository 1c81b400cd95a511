package ai.mindbot.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruthyTest {

    @Test
    void flagsAreTrueAsEachDatabaseStoresThem() {
        assertThat(Truthy.of(null)).isFalse();
        assertThat(Truthy.of(0)).isFalse();
        assertThat(Truthy.of(false)).isFalse();
        assertThat(Truthy.of(1)).isTrue();
        assertThat(Truthy.of(true)).isTrue();
        assertThat(Truthy.of(1767225600000L)).isTrue();
    }
}
