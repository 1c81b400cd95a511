package ai.mindbot.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.WorkerMessage;
import org.junit.jupiter.api.Test;

class WorkerMessagesTest {

    private final Job job = Job.newBuilder().setId("AJ_123").build();

    @Test
    void registersForRoomJobsWithTheAgentNameAndDefaultPermissions() {
        WorkerMessage message = WorkerMessages.register("mindbot");

        assertThat(message.getRegister().getType()).isEqualTo(JobType.JT_ROOM);
        assertThat(message.getRegister().getAgentName()).isEqualTo("mindbot");
        // no explicit permissions: LiveKit then grants subscribe, publish and data (proto3 would zero them)
        assertThat(message.getRegister().hasAllowedPermissions()).isFalse();
    }

    @Test
    void acceptsWithANonEmptyIdentityDerivedFromTheJob() {
        WorkerMessage message = WorkerMessages.accept(job, "");

        assertThat(message.getAvailability().getJobId()).isEqualTo("AJ_123");
        assertThat(message.getAvailability().getAvailable()).isTrue();
        assertThat(message.getAvailability().getParticipantIdentity()).isEqualTo("agent-AJ_123");
        assertThat(message.getAvailability().getParticipantName()).isEqualTo("agent");
    }

    @Test
    void declinesSoLiveKitOffersTheJobElsewhere() {
        WorkerMessage message = WorkerMessages.decline(job);

        assertThat(message.getAvailability().getAvailable()).isFalse();
        assertThat(message.getAvailability().getTerminate()).isFalse();
    }

    @Test
    void reportsJobsAsSucceededOrFailedWithTheError() {
        assertThat(WorkerMessages.jobEnded("AJ_1", null).getUpdateJob().getStatus())
                .isEqualTo(JobStatus.JS_SUCCESS);
        WorkerMessage failed = WorkerMessages.jobEnded("AJ_1", "publisher connection failed");
        assertThat(failed.getUpdateJob().getStatus()).isEqualTo(JobStatus.JS_FAILED);
        assertThat(failed.getUpdateJob().getError()).isEqualTo("publisher connection failed");
        assertThat(WorkerMessages.jobRunning("AJ_1").getUpdateJob().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
    }

    @Test
    void authenticatesWithAnAgentGrant() throws Exception {
        String jwt = WorkerToken.create("devkey", "secret-secret-secret-secret-secret");
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));

        assertThat(claims).contains("\"agent\":true").contains("\"iss\":\"devkey\"");
    }
}
