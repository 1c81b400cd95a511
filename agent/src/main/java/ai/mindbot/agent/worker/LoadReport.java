package ai.mindbot.agent.worker;

import livekit.LivekitAgent.UpdateWorkerStatus;
import livekit.LivekitAgent.WorkerStatus;

/**
 * How busy the worker says it is. Load is the share of job slots in use, so LiveKit (which picks
 * workers with weight 1 − load) spreads rooms evenly; a full or draining worker reports WS_FULL
 * and is never picked.
 */
record LoadReport(int jobs, int maxJobs, boolean draining) {

    boolean full() {
        return draining || jobs >= maxJobs;
    }

    float load() {
        return Math.min(1f, (float) jobs / maxJobs);
    }

    UpdateWorkerStatus toStatus() {
        return UpdateWorkerStatus.newBuilder()
                .setStatus(full() ? WorkerStatus.WS_FULL : WorkerStatus.WS_AVAILABLE)
                .setLoad(load())
                .setJobCount(jobs)
                .build();
    }
}
