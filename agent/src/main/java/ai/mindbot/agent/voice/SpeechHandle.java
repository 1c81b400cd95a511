package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Playout;
import java.util.concurrent.CompletableFuture;

/**
 * One thing the agent says: a fixed text ({@link Conversation#say}) or a model's answer
 * ({@link Conversation#reply}, or the reply to a user turn), however many sentences and tool steps it
 * takes. Safe to use from any thread; {@link #interrupt()} is handed to the job's thread.
 */
public interface SpeechHandle {

    String id();

    /**
     * Completes when the speech is over: played out to the end, interrupted (by the user or by
     * {@link #interrupt()}), or failed. {@link Playout#playedMillis()} is how much the room heard.
     */
    CompletableFuture<Playout> done();

    /** Whether the speech was cut short. Meaningful once {@link #done()} has completed. */
    boolean interrupted();

    /**
     * Stops this speech now, even one made with {@code allowInterruptions=false} (that flag only
     * protects it from the user's voice). Its audio stops within one 10 ms tick.
     */
    void interrupt();

    /** The text the room has heard so far (cut at the played position when interrupted). */
    String spokenText();
}
