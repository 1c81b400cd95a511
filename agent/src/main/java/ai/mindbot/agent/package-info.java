/**
 * The agent runtime: connects to LiveKit as an agent worker, joins the rooms it is dispatched to and
 * moves audio and text between the room and agent code written against {@link ai.mindbot.agent.api}.
 * Plain Java on purpose: many rooms share one JVM, so the runtime stays small and owns its threads.
 */
package ai.mindbot.agent;
