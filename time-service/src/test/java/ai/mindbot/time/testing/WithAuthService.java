package ai.mindbot.time.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The time service of an {@link OnBothDatabases} test runs beside a real {@link AuthService} on the
 * same kind of database, which it asks whether the users that admin actions name exist.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithAuthService {}
