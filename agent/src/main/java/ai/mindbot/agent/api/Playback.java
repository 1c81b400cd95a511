package ai.mindbot.agent.api;

import ai.mindbot.agent.media.AudioFrame;
import java.util.concurrent.CompletableFuture;

/**
 * One voice of the agent's published track, for speech: audio is queued per utterance and played in
 * real time, however far ahead of real time it is written (a TTS answer often arrives several times
 * faster than it plays). Nothing queued is dropped; only {@link #clear()} throws audio away.
 *
 * <p>Frames may be 16, 22.05, 24 or 48 kHz, mono or more channels; they are mixed down and resampled
 * to the track's 48 kHz. Safe to call from any thread.
 */
public interface Playback {

    /** Queues audio at the end of the current utterance (starting one if none is open). */
    void capture(AudioFrame frame);

    /**
     * Ends the current utterance. The future completes when its last sample has been sent to the
     * room, or when {@link #clear()} cut it short; either way it says how much was played.
     * A flush with nothing captured completes at once with zero played.
     */
    CompletableFuture<Playout> flush();

    /**
     * Stops at once (within one 10 ms tick): everything queued is dropped, and the open utterance and
     * any flushed ones still playing complete as interrupted. Returns how much of the utterance that
     * was playing had been heard.
     */
    Playout clear();

    /** Milliseconds of audio queued and not yet played. */
    long queuedMillis();
}
