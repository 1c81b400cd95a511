package ai.mindbot.agent.api;

/** Something started that can be called off: a scheduled task, a provider request, a stream. Idempotent. */
@FunctionalInterface
public interface Cancellable {

    void cancel();
}
