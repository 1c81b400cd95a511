/**
 * The voice pipeline: a turn-taking conversation between one participant and the agent, the Java
 * counterpart of LiveKit Agents' {@code AgentSession}. It listens ({@link ai.mindbot.agent.voice.Vad},
 * {@link ai.mindbot.agent.voice.Stt}), decides the user has finished, thinks with tools
 * ({@link ai.mindbot.agent.voice.Llm}, {@link ai.mindbot.agent.voice.Tool}), speaks
 * ({@link ai.mindbot.agent.voice.Tts}) and stops speaking the moment the user talks over it.
 *
 * <p>{@link ai.mindbot.agent.voice.Conversation} is the engine and
 * {@link ai.mindbot.agent.voice.ConversationAgent} the agent around it; package-private pieces do
 * one job each: {@code UserInput} (listening and endpointing), {@code VoiceDetector} (VAD
 * thresholds), {@code ModelReply} (model and tool rounds), {@code AgentSpeech} (synthesis, playback,
 * barge-in pause and resume, transcript), {@code SentenceSplitter}.
 *
 * <p>Providers are interfaces; their implementations live in sub-packages ({@code offline},
 * {@code openai}, {@code deepgram}). Providers call back on their own threads; the engine hands
 * every callback to the job's thread ({@link ai.mindbot.agent.api.JobExecutor}) before it touches
 * state, so the engine itself takes no locks.
 */
package ai.mindbot.agent.voice;
