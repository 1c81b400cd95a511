package ai.mindbot.auth.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomNamesTest {

    @Test
    void aUsersIdentityAndPersonalRoomFollowFromTheirId() {
        assertThat(RoomNames.identityOf(42)).isEqualTo("user-42");
        assertThat(RoomNames.personalRoomOf(42)).isEqualTo("mindbot-42");
    }

    @Test
    void personalRoomsBelongToTheirOwnerAndGuestRoomsToGuests() {
        assertThat(RoomNames.reservedFor("mindbot-42", 42)).isFalse();
        assertThat(RoomNames.reservedFor("mindbot-43", 42)).isTrue();
        assertThat(RoomNames.reservedFor("mindbot-420", 42)).isTrue();
        assertThat(RoomNames.reservedFor("guest-0011223344556677", 42)).isTrue();
        assertThat(RoomNames.reservedFor("voice_session_123", 42)).isFalse();
    }

    @Test
    void guestNamesAreFreshEachTime() {
        assertThat(RoomNames.newGuestIdentity())
                .matches("guest-[0-9a-f]{16}")
                .isNotEqualTo(RoomNames.newGuestIdentity());
    }
}
