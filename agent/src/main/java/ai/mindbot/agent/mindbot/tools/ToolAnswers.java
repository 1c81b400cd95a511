package ai.mindbot.agent.mindbot.tools;

import ai.mindbot.agent.mindbot.services.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.node.ObjectNode;

/** The shared shape of tool answers: JSON objects, and an {@code error} code with a sentence when a call fails. */
final class ToolAnswers {

    /** Tool handlers run off the job's thread and may wait, but not longer than a person waits for an answer. */
    static final long WAIT_SECONDS = 6;

    private ToolAnswers() {}

    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    static String error(String code, String message) {
        ObjectNode node = Json.object().put("error", code).put("message", message);
        return Json.write(node);
    }
}
