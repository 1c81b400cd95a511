package ai.mindbot.time.admin;

import ai.mindbot.common.apidocs.Refusal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The refusals of {@link UserDirectory#requireExisting}, for the API document of the admin actions on a user. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 400, code = "invalid_user_id", when = "the user id is not a user's numeric id")
@Refusal(status = 404, code = "unknown_user", when = "the auth service knows no such user")
@Refusal(status = 503, code = "auth_unavailable", when = "the auth service could not confirm the user; nothing changed")
@interface KnownUserRefusals {}
