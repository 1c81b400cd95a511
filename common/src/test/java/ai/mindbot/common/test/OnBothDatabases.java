package ai.mindbot.common.test;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test of a subclass twice, once on SQLite and once on PostgreSQL. A subclass (or a
 * service's thin base, such as auth's or time's {@code OnBothDatabases}) starts what it needs per
 * database in a static {@code @BeforeParameterizedClassInvocation} method taking the
 * {@link TestDatabase}, and stops it in an {@code @AfterParameterizedClassInvocation} one.
 */
@ParameterizedClass
@MethodSource("ai.mindbot.common.test.TestDatabase#both")
public abstract class OnBothDatabases {

    @Parameter
    protected TestDatabase database;
}
