package ai.mindbot.common.test;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test of a subclass twice, once on SQLite and once on PostgreSQL. Each service has a thin
 * base on top (auth's and time's {@code OnBothDatabases}) that starts it once per database with the
 * subclass's {@link ServiceSettings}. A test that needs another peer started first (an SMTP server,
 * stripe-mock) extends this class directly and starts what it needs in a static
 * {@code @BeforeParameterizedClassInvocation} method taking the {@link TestDatabase}, stopping it in
 * an {@code @AfterParameterizedClassInvocation} one.
 */
@ParameterizedClass
@MethodSource("ai.mindbot.common.test.TestDatabase#both")
public abstract class OnBothDatabases {

    @Parameter
    protected TestDatabase database;
}
