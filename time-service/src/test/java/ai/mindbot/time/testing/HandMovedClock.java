package ai.mindbot.time.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The time service of an {@link OnBothDatabases} test runs on a {@link MutableClock} the test moves
 * by hand, with its background jobs left to the test ({@link TimeService#onHandMovedClock}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HandMovedClock {}
