package ai.mindbot.agent.voice;

/** The four providers one conversation uses, and a name for each that the log prints. */
public record VoiceProviders(Vad vad, Stt stt, Llm llm, Tts tts, String description) {}
