package ai.mindbot.agent.voice;

/** What a streaming recogniser reports, in order, on its own thread. */
public sealed interface SttEvent {

    /** The provider heard speech begin (Deepgram {@code SpeechStarted}). */
    record StartOfSpeech() implements SttEvent {}

    /** A guess at the words so far in the current segment; later events replace it. */
    record Interim(String text) implements SttEvent {}

    /** A segment that will not change. An utterance may have several; the engine joins them. */
    record Final(String text, double confidence) implements SttEvent {}

    /** The provider's own endpointing says the user stopped (Deepgram {@code speech_final} or {@code UtteranceEnd}). */
    record EndOfSpeech() implements SttEvent {}

    /** The stream failed (socket dropped, 401, ...): the current turn cannot be recognised. */
    record Failed(Throwable error) implements SttEvent {}
}
