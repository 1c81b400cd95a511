package ai.mindbot.time;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ModuleBoundaries;
import ai.mindbot.common.test.ModuleRules;
import ai.mindbot.time.payment.stripe.StripePaymentProvider;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The feature packages are modules: each reaches only the modules {@link #MODULES} allows, only
 * through public types of their top package (a sub-package such as {@code payment.web} or
 * {@code payment.stripe} is the module's own business), with no cycles, and none reaches back into
 * the application's wiring ({@link ModuleBoundaries} checks these). docs/architecture.md draws the same table.
 */
class TimeModulesTest extends ModuleBoundaries {

    /** Which modules each module may use. Everything not listed is refused. */
    static final ModuleRules MODULES = new ModuleRules(
            "ai.mindbot.time",
            Map.of(
                    "admin", Set.of("balance", "ledger", "payment"),
                    "balance", Set.of("ledger"),
                    "catalog", Set.of(),
                    "jobs", Set.of(),
                    "ledger", Set.of(),
                    "livekit", Set.of("session"),
                    "notify", Set.of("jobs", "ledger"),
                    "payment", Set.of("catalog", "jobs", "ledger"),
                    "session", Set.of("jobs", "ledger", "notify")));

    /**
     * The top package wires the modules together; a module may use from it only the shared base of
     * the "oldest waiting work" gauges (outbox backlog, pending purchases, sweeper lag).
     */
    TimeModulesTest() {
        super(MODULES, WaitingWorkGauge.class);
    }

    /** The rules must be able to fail: drop one edge the code uses, reach into an internal package. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        assertThat(MODULES.without("admin", "payment")
                        .onlyAllowedDependencies()
                        .evaluate(production)
                        .hasViolation())
                .isTrue();

        JavaClasses reachingIn = new ClassFileImporter().importClasses(ReachesIntoPaymentStripe.class);
        assertThat(MODULES.onlyThroughPublicTypesOfTopPackages()
                        .evaluate(reachingIn)
                        .hasViolation())
                .isTrue();
    }

    /** A class outside the payment module that uses one of its internals. */
    static final class ReachesIntoPaymentStripe {
        Class<?> internal = StripePaymentProvider.class;
    }
}
