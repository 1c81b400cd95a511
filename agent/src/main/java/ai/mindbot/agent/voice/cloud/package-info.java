/**
 * Which cloud providers are live, decided from the environment: Deepgram for speech recognition
 * when {@code DEEPGRAM_API_KEY} is set, OpenAI for the chat model when {@code OPENAI_API_KEY} is
 * set, and OpenAI or Deepgram for speech as {@code TTS_PROVIDER} says (by default whichever has a
 * key). A part without a key is left empty for the offline providers to fill.
 */
package ai.mindbot.agent.voice.cloud;
