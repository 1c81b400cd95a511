package ai.mindbot.admin.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.mindbot.common.apidocs.Refusal;

/**
 * What {@link ActionRunner} answers when the owning service does not carry an action out, for the
 * API document of every admin action. A refusal of the owning service itself (its 4xx and code,
 * such as 409 revoke_exceeds_available) passes through unchanged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 502, code = "service_unavailable", when = "the owning service could not carry out the action")
@Refusal(status = 502, code = "partially_applied", when = "one of two services applied the action; check and retry")
@interface ActionRefusals {
}
