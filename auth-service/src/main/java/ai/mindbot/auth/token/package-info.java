/**
 * Tokens: HS256 access tokens (signed with Nimbus, verified everywhere by common's shared decoder),
 * rotating refresh tokens stored as hashes with reuse detection, the session a login opens, and the
 * agent's service credential ({@code AGENT_API_KEY} exchanged for a short-lived {@code agent} token).
 */
package ai.mindbot.auth.token;
