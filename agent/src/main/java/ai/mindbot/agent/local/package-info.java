/**
 * An agent's room on this machine instead of in LiveKit: the person at the terminal is the only
 * participant, heard through a {@link ai.mindbot.agent.local.Microphone} and answered on a
 * {@link ai.mindbot.agent.local.Speaker} (Java Sound's lines, or files in tests), with webrtc's echo
 * canceller between the two so the agent does not hear itself. Captions print as text. The agent code
 * is the one that runs in rooms: only the {@link ai.mindbot.agent.api.Room} differs.
 */
package ai.mindbot.agent.local;
