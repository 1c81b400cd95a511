package ai.mindbot.common.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem+json answer an endpoint gives on purpose: its status, its stable {@code code} (the
 * problem's {@code type} is {@code /problems/<code>}) and when. The API document lists each under
 * the status, with the shared {@code Problem} schema and the code as an example. Security's 401 and
 * 403, and 400 for an unreadable body, are derived and need no annotation. Refusals many endpoints
 * share can be gathered on an annotation of their own, which the endpoints then carry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(Refusal.List.class)
public @interface Refusal {

    int status();

    String code();

    /** When this answer comes, in a sentence for the API's users. */
    String when() default "";

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {
        Refusal[] value();
    }
}
