package ai.mindbot.agent.voice;

/** What a streaming synthesiser reports, in order, on its own thread. */
public sealed interface TtsEvent {

    /** The next piece of audio: mono 16-bit PCM at the provider's {@link Tts#sampleRate()}. */
    record Audio(short[] samples) implements TtsEvent {}

    /** All audio for the text has been delivered. */
    record Done() implements TtsEvent {}

    record Failed(Throwable error) implements TtsEvent {}
}
