package ai.mindbot.agent.worker;

import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.RegisterWorkerRequest;
import livekit.LivekitAgent.UpdateJobStatus;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerPing;

/** The messages a worker sends on {@code /agent}, built in one place. */
final class WorkerMessages {

    static final String VERSION = "mindbot-agent-java/0.1.0";

    private WorkerMessages() {}

    /**
     * Registers for room jobs. No allowed permissions are sent, so LiveKit grants the defaults
     * (subscribe, publish, publish data, update metadata) — setting any would zero the others.
     */
    static WorkerMessage register(String agentName) {
        return WorkerMessage.newBuilder()
                .setRegister(RegisterWorkerRequest.newBuilder()
                        .setType(JobType.JT_ROOM)
                        .setAgentName(agentName)
                        .setVersion(VERSION))
                .build();
    }

    /** Accepts a job offer, joining as {@code agent-<job id>} (an empty identity would be refused). */
    static WorkerMessage accept(Job job, String agentName) {
        return WorkerMessage.newBuilder()
                .setAvailability(AvailabilityResponse.newBuilder()
                        .setJobId(job.getId())
                        .setAvailable(true)
                        .setParticipantIdentity(identityFor(job))
                        .setParticipantName(agentName.isEmpty() ? "agent" : agentName))
                .build();
    }

    static WorkerMessage decline(Job job) {
        return WorkerMessage.newBuilder()
                .setAvailability(
                        AvailabilityResponse.newBuilder().setJobId(job.getId()).setAvailable(false))
                .build();
    }

    static WorkerMessage status(LoadReport load) {
        return WorkerMessage.newBuilder().setUpdateWorker(load.toStatus()).build();
    }

    static WorkerMessage jobRunning(String jobId) {
        return jobStatus(jobId, JobStatus.JS_RUNNING, "");
    }

    static WorkerMessage jobEnded(String jobId, String error) {
        return error == null || error.isEmpty()
                ? jobStatus(jobId, JobStatus.JS_SUCCESS, "")
                : jobStatus(jobId, JobStatus.JS_FAILED, error);
    }

    static WorkerMessage ping(long nowMillis) {
        return WorkerMessage.newBuilder()
                .setPing(WorkerPing.newBuilder().setTimestamp(nowMillis))
                .build();
    }

    static String identityFor(Job job) {
        return "agent-" + job.getId();
    }

    private static WorkerMessage jobStatus(String jobId, JobStatus status, String error) {
        return WorkerMessage.newBuilder()
                .setUpdateJob(UpdateJobStatus.newBuilder()
                        .setJobId(jobId)
                        .setStatus(status)
                        .setError(error))
                .build();
    }
}
