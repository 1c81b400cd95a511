package ai.mindbot.admin.web;

import ai.mindbot.common.apidocs.Refusal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The refusals of {@link Paging#check}, for the API document of every paged list. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 400, code = "invalid_limit", when = "limit is not between 1 and the maximum")
@Refusal(status = 400, code = "invalid_offset", when = "offset is negative")
public @interface PagingRefusals {}
