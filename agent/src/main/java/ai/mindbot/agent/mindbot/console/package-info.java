/**
 * {@code ./mindbot agent console}: the same MindBot (brain, tools, metering) in a terminal, signed in
 * as a user ({@code --email}, password prompted) or as a guest. Text always ({@link
 * ai.mindbot.agent.mindbot.console.TextConsole} when there is nothing to speak with); a voice call
 * when the machine has a microphone and a speaker ({@link ai.mindbot.agent.mindbot.console.VoiceConsole}:
 * {@code MindBotAgent} in a {@link ai.mindbot.agent.local.LocalRoom}). No LiveKit server is involved;
 * a signed-in user's session is metered by the time service exactly as a call in a room is.
 */
package ai.mindbot.agent.mindbot.console;
