package ai.mindbot.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptKeyTest {

    @Test
    void subjectsAreCutToWhatTheColumnHolds() {
        assertThat(Bucket.LOGIN_ADDRESS.key("x".repeat(1000)).subject()).hasSize(254);
        assertThat(Bucket.LOGIN_ADDRESS.key("10.0.0.1").subject()).isEqualTo("10.0.0.1");
    }
}
