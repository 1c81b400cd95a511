package ai.mindbot.common.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON bodies. Jackson's defaults are lenient where leniency costs money or
 * crashes: {@code "seconds": 1.5} was silently read as 1, {@code "seconds": "60"} as 60, and a string
 * holding a lone surrogate reached the password hash and threw (a 500 anyone could provoke). Here
 * an integer field takes a JSON integer and nothing else, and every string must be
 * {@link UnicodeText acceptable text}. A refusal names the field ({@link ProblemHandler}).
 */
public final class StrictJsonInput implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.withCoercionConfig(
                LogicalType.Integer,
                integers -> integers.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        builder.addModule(new SimpleModule("mindbot-strict-text").addDeserializer(String.class, new StrictString()));
    }

    /** Jackson's own string reading, then the Unicode check. */
    static final class StrictString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            String problem = text == null ? null : UnicodeText.problemWith(text);
            if (problem != null) {
                throw new UnacceptableTextException(p, problem);
            }
            return text;
        }
    }

    /** Raised for a string that is not acceptable text; the message is what the client is told. */
    public static final class UnacceptableTextException extends InvalidFormatException {
        UnacceptableTextException(JsonParser p, String problem) {
            super(p, problem, null, String.class);
        }
    }
}
