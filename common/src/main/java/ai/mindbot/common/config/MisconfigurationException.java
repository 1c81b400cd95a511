package ai.mindbot.common.config;

/** Stops a service at start when its configuration is unsafe or incomplete; the message says what to set. */
public class MisconfigurationException extends RuntimeException {

    public MisconfigurationException(String message) {
        super(message);
    }
}
