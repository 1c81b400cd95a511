package ai.mindbot.auth.account;

import ai.mindbot.common.apidocs.Refusal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals of {@link AccountService#activeAccount}, for the API document of every endpoint
 * that acts for the token's own account.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 401, code = "unknown_account", when = "the token's account no longer exists")
@Refusal(status = 403, code = "account_disabled", when = "the account has been disabled")
@Refusal(status = 403, code = "not_a_user", when = "the token is not a user's (a service token)")
public @interface ActiveAccountRefusals {}
