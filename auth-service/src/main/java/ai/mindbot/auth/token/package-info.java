/**
 * Tokens: HS256 access tokens (signed with Nimbus, verified everywhere by common's shared decoder),
 * rotating refresh tokens stored as hashes with reuse detection, the sign-in a login opens
 * ({@link ai.mindbot.auth.token.SignIns}; "session" always means a voice session, in the time
 * service), and the agent's service credential ({@code AGENT_API_KEY} exchanged for a short-lived
 * {@code agent} token).
 */
package ai.mindbot.auth.token;
