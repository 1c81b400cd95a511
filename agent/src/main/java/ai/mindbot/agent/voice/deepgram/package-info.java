/**
 * Deepgram as a voice provider: live speech recognition over the {@code /v1/listen} WebSocket
 * ({@link ai.mindbot.agent.voice.deepgram.DeepgramStt}) and Aura speech from the {@code /v1/speak}
 * REST endpoint as raw 24 kHz PCM ({@link ai.mindbot.agent.voice.deepgram.DeepgramTts}). Hand-rolled
 * on {@code java.net.http}: Deepgram's Java SDK is not served by the Maven Central we build from,
 * and both protocols are small.
 */
package ai.mindbot.agent.voice.deepgram;
