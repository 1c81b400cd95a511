package ai.mindbot.admin.actions;

import ai.mindbot.common.apidocs.Refusal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What {@link ActionRunner} answers when the owning service does not carry an action out, for the
 * API document of every admin action. A refusal of the owning service itself (its 4xx and code,
 * such as 409 revoke_exceeds_available) passes through unchanged; each action lists the ones it
 * can meet. Only the actions that call two services (disable, enable) can be partially applied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 502, code = "service_unavailable", when = "the owning service could not carry out the action")
@interface ActionRefusals {}
