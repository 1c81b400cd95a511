package ai.mindbot.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.rtc.Disconnect;
import org.junit.jupiter.api.Test;

/** How a job ends is decided by the disconnect's type, whatever words its reason or error hold. */
class JobEndAfterDisconnectTest {

    @Test
    void leavingClosesTheRoom() {
        assertThat(AgentJob.endAfter(Disconnect.left(), true).reason()).isEqualTo(JobEnd.Reason.ROOM_CLOSED);
        assertThat(AgentJob.endAfter(Disconnect.left(), false).reason()).isEqualTo(JobEnd.Reason.ROOM_CLOSED);
    }

    @Test
    void beingRemovedClosesTheRoomEvenBeforeTheAgentStarted() {
        Disconnect removed = Disconnect.removed("the server asked us to leave (ROOM_DELETED, DISCONNECT)");
        JobEnd end = AgentJob.endAfter(removed, false);
        assertThat(end.reason()).isEqualTo(JobEnd.Reason.ROOM_CLOSED);
        assertThat(end.detail()).isEqualTo(removed.reason());
    }

    @Test
    void aConnectionLostBeforeTheAgentStartedFailsTheJob() {
        Disconnect lost =
                Disconnect.lost("not connected after 20 s", new IllegalStateException("room connection timed out"));
        JobEnd end = AgentJob.endAfter(lost, false);
        assertThat(end.failed()).isTrue();
        assertThat(end.detail()).isEqualTo("not connected after 20 s");
    }

    @Test
    void aConnectionLostAfterTheAgentStartedClosesTheRoom() {
        Disconnect lost =
                Disconnect.lost("subscriber connection failed", new IllegalStateException("peer connection failed"));
        assertThat(AgentJob.endAfter(lost, true).reason()).isEqualTo(JobEnd.Reason.ROOM_CLOSED);
    }

    @Test
    void aLostConnectionWhoseMessageLooksLikeARemovalStillFails() {
        // the old rule matched "removed from the room" at the start of the error's message
        Disconnect lost = Disconnect.lost("signalling failed", new IllegalStateException("removed from the room: x"));
        assertThat(AgentJob.endAfter(lost, false).failed()).isTrue();
    }
}
