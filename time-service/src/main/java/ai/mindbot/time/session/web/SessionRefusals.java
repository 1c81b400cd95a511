package ai.mindbot.time.session.web;

import ai.mindbot.common.apidocs.Refusal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What acting on an existing session can meet, for the API document of heartbeat and end. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 404, code = "not_found", when = "no such session, or not the caller's")
@Refusal(status = 409, code = "session_ended", when = "the session is already settled; start a new one")
@Refusal(status = 503, code = "busy", when = "the account is changing under heavy concurrency; retry")
@interface SessionRefusals {}
