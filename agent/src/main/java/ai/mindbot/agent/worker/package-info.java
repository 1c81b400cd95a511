/**
 * The agent worker protocol ({@code /agent}): register, accept jobs up to the configured limit,
 * report load, reconnect with backoff when LiveKit goes away, and drain on shutdown. Each accepted
 * job becomes an {@link ai.mindbot.agent.worker.AgentJob} with its own room connection and thread.
 */
package ai.mindbot.agent.worker;
