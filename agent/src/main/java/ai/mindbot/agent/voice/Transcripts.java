package ai.mindbot.agent.voice;

/** LiveKit's text-stream attributes for captions on {@code lk.transcription} (agents' types.py). */
final class Transcripts {

    static final String SEGMENT_ID = "lk.segment_id";
    static final String FINAL = "lk.transcription_final";
    static final String TRACK_ID = "lk.transcribed_track_id";

    private Transcripts() {}
}
