/**
 * {@code ./mindbot agent console}: the same MindBot (brain, tools, metering) in a terminal, in text,
 * signed in as a user ({@code --email}, password prompted) or as a guest. No LiveKit room is involved;
 * a signed-in user's session is metered by the time service exactly as a voice call is.
 */
package ai.mindbot.agent.mindbot.console;
