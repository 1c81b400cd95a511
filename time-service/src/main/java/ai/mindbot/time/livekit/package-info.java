/**
 * LiveKit's signed webhooks, verified with the official SDK's {@code WebhookReceiver}: a
 * participant leaving or a room closing ends the matching metered sessions, so billing stops even
 * when the agent that started them is gone.
 */
package ai.mindbot.time.livekit;
