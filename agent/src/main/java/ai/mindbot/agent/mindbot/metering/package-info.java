/**
 * Metering one call: {@link ai.mindbot.agent.mindbot.metering.TimeKeeper} starts the time service
 * session when the caller joins, heartbeats within each grant, warns, ends at zero and ends exactly
 * once. It runs on the job's thread and schedules through the job's executor, so tests drive it
 * with a manual clock; what it decides goes out as {@link ai.mindbot.agent.mindbot.metering.TimeListener}
 * events that the agent turns into speech.
 */
package ai.mindbot.agent.mindbot.metering;
