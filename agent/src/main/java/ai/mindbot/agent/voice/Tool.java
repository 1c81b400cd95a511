package ai.mindbot.agent.voice;

/**
 * A function the model may call: a name, what it is for, a JSON Schema object for its arguments,
 * and the code that answers it. Handlers run off the job's thread (they may call HTTP services) and
 * return the text the model reads; a handler that throws gives the model the error's message.
 */
public record Tool(String name, String description, String parametersJsonSchema, Handler handler) {

    /** A tool without arguments. */
    public static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{}}";

    public Tool {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool names are 1-64 letters, digits, _ or -: " + name);
        }
    }

    @FunctionalInterface
    public interface Handler {
        String call(String argumentsJson) throws Exception;
    }
}
