package ai.mindbot.agent.api;

/** Makes a fresh {@link Agent} for each job the worker accepts. */
@FunctionalInterface
public interface AgentFactory {

    Agent create(JobInfo job);
}
