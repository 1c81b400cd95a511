package ai.mindbot.time.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveKitIdentityTest {

    @Test
    void aSignedInUsersIdentityNamesTheirUserId() {
        assertThat(LiveKitIdentity.userIdOf("user-42")).contains("42");
    }

    @Test
    void guestsAgentsAndOddIdentitiesNameNoUser() {
        assertThat(LiveKitIdentity.userIdOf("guest-7f3a")).isEmpty();
        assertThat(LiveKitIdentity.userIdOf("agent-AJ_123")).isEmpty();
        assertThat(LiveKitIdentity.userIdOf("user-")).isEmpty();
        assertThat(LiveKitIdentity.userIdOf(null)).isEmpty();
    }
}
