/**
 * The agent's one way to read a setting from its environment map ({@code System.getenv()} merged
 * with {@code .env}), by the names the integration guide fixes. The same rules as the services'
 * {@code common.config.ConfigValues}; the agent depends on neither common nor Spring, so it has
 * its own small copy of them.
 */
package ai.mindbot.agent.config;
