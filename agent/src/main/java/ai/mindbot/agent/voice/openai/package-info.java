/**
 * OpenAI as a voice provider: chat completions streamed with tool calls ({@link
 * ai.mindbot.agent.voice.openai.OpenAiLlm}, on the official {@code openai-java} SDK) and speech from
 * {@code /v1/audio/speech} as raw 24 kHz PCM ({@link ai.mindbot.agent.voice.openai.OpenAiTts}). The
 * base URL is configurable, so any OpenAI-compatible server (or the test fakes) can stand in.
 */
package ai.mindbot.agent.voice.openai;
