package ai.mindbot.agent.api;

/**
 * An open LiveKit text stream, written piece by piece (an agent's transcript growing as it speaks).
 * Readers see one stream with one id; {@link #close()} marks it complete. Safe from any thread.
 */
public interface TextStreamWriter extends AutoCloseable {

    /** The stream id readers see (LiveKit's {@code stream_id}). */
    String id();

    void write(String text);

    @Override
    void close();
}
