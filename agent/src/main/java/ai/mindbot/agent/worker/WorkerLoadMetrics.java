package ai.mindbot.agent.worker;

/**
 * The worker's load in Prometheus text, as it reports it to LiveKit: {@code mindbot_agent_jobs} (rooms
 * running or accepted) and {@code mindbot_agent_job_slots} (AGENT_MAX_JOBS, 0 while draining, when it
 * takes no more). Summed over workers they say how full the fleet is, which LiveKit itself does not
 * export: the "workers full" alert and the Helm chart's autoscaler (rooms per worker) read them.
 */
public final class WorkerLoadMetrics {

    private WorkerLoadMetrics() {}

    public static String exposition(AgentWorker worker) {
        return exposition(worker.load());
    }

    static String exposition(LoadReport load) {
        return gauge("mindbot_agent_jobs", "Rooms this worker is running or has accepted", load.jobs())
                + gauge(
                        "mindbot_agent_job_slots",
                        "Rooms this worker takes at most (0 while draining)",
                        load.draining() ? 0 : load.maxJobs());
    }

    private static String gauge(String name, String help, int value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " + value + "\n";
    }
}
