package ai.mindbot.agent.voice.wire;

/**
 * A cloud provider refused or broke a request. The message names the provider and the HTTP status
 * (or what broke) and never carries a key, so it can go to the log and into a {@code Failed} event.
 */
public final class ProviderException extends Exception {

    private final int status;

    public ProviderException(String message, int status) {
        super(message);
        this.status = status;
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status the provider answered, or 0 when the failure was not an HTTP answer. */
    public int status() {
        return status;
    }
}
