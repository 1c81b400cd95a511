/**
 * Plumbing the cloud providers share: a gate that stops delivery the moment a request is
 * cancelled, bounded retries that honour {@code Retry-After}, and an HTTP body of raw PCM handed on
 * in pieces as it arrives. No provider's wire format lives here.
 */
package ai.mindbot.agent.voice.wire;
