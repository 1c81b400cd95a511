/**
 * The auth-service: accounts and passwords ({@code account}), access and refresh tokens and the
 * agent's service credential ({@code token}), LiveKit room tokens ({@code livekit}), database-backed
 * rate limits ({@code ratelimit}) and the admin actions on accounts ({@code admin}).
 */
package ai.mindbot.auth;
