package ai.mindbot.common.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.mindbot.common.config.MisconfigurationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** For tests of a service that must refuse to start: why it refused. */
public final class RefusedStart {

    private RefusedStart() {}

    /** The {@link MisconfigurationException} under whatever Spring wrapped it in (or the deepest cause). */
    public static Throwable reason(ThrowingCallable start) {
        Throwable thrown = catchThrowable(start);
        assertThat(thrown).as("the service must not start").isNotNull();
        while (thrown.getCause() != null && !(thrown instanceof MisconfigurationException)) {
            thrown = thrown.getCause();
        }
        return thrown;
    }
}
