/**
 * Which voice providers a worker uses: the cloud ones the environment has keys for, the offline ones
 * for the rest, and one log line saying which are live.
 */
package ai.mindbot.agent.voice.providers;
