package ai.mindbot.common.web;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a body that is valid JSON but holds a wrong value into the same {@code {field, message}}
 * a failed bean validation gives, so a client learns which field to fix ({@code seconds: 1.5}
 * says "seconds must be an integer", not "malformed body").
 */
final class JsonFieldErrors {

    private static final Set<Class<?>> INTEGERS = Set.of(
            int.class,
            long.class,
            short.class,
            byte.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            BigInteger.class);

    private JsonFieldErrors() {}

    /** The field error the failure names, or null when the body was not JSON at all or no field is known. */
    static Map<String, String> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json
                    && !json.getPath().isEmpty()
                    && (cause instanceof MismatchedInputException || cause instanceof InputCoercionException)) {
                return Map.of("field", field(json), "message", message(json));
            }
        }
        return null;
    }

    private static String message(JacksonException e) {
        if (e instanceof StrictJsonInput.UnacceptableTextException) {
            return e.getOriginalMessage();
        }
        if (e instanceof InputCoercionException) {
            return "must be an integer in range";
        }
        Class<?> target = ((MismatchedInputException) e).getTargetType();
        return target != null && INTEGERS.contains(target) ? "must be an integer" : "has a value of the wrong type";
    }

    private static String field(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
