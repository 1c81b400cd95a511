/** HTTP for LiveKit tokens: {@code /auth/token} (signed-in users) and {@code /auth/guest}. */
package ai.mindbot.auth.livekit.web;
