/**
 * MindBot's clients of its own services: the agent's service token from the auth service
 * ({@code AGENT_API_KEY} → {@code POST /auth/service-token}) and the time service's metered sessions
 * and pricing. Asynchronous ({@link java.net.http.HttpClient#sendAsync}) so that no job thread ever
 * waits on the network; callers hand results back to their job thread themselves.
 */
package ai.mindbot.agent.mindbot.services;
