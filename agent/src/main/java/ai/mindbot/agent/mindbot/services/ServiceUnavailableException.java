package ai.mindbot.agent.mindbot.services;

/** A service could not be reached or answered with a 5xx: the request may be tried again later. */
public final class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
