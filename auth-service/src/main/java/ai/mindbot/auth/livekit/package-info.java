/**
 * LiveKit access tokens, made with the official {@code io.livekit:livekit-server} SDK: a user's
 * token carries their stable identity {@code user-<id>} and their id and email in metadata and
 * attributes (so the agent recognizes whom to meter); a guest's carries {@code guest-...} and
 * {@code mindbot.guest=true}. The HTTP side ({@code /auth/token}, {@code /auth/guest}) is in {@code livekit.web}.
 */
package ai.mindbot.auth.livekit;
