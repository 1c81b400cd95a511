/**
 * PCM audio as the agent sees it: 10 ms frames of 16-bit samples at 48 kHz, the writers that mix
 * the agent's outgoing voices, and the one clock that paces every room's outgoing track.
 */
package ai.mindbot.agent.media;
