/**
 * Local stand-ins for the paid voice APIs, speaking their real wire protocols on loopback so the
 * provider clients, the engine and the benchmarks can run without keys or network:
 * {@link ai.mindbot.agent.voice.fakes.FakeDeepgramListen} (the {@code /v1/listen} WebSocket),
 * {@link ai.mindbot.agent.voice.fakes.FakeHttpApi} (OpenAI's chat SSE and speech PCM, Deepgram's
 * {@code /v1/speak}), with {@link ai.mindbot.agent.voice.fakes.DeepgramMessages} and
 * {@link ai.mindbot.agent.voice.fakes.OpenAiChunks} writing the JSON the real services send.
 */
package ai.mindbot.agent.voice.fakes;
