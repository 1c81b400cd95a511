package ai.mindbot.time;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ModuleBoundaries;
import ai.mindbot.common.test.ModuleRules;
import ai.mindbot.common.test.PackagePrivateByDefault;
import ai.mindbot.time.payment.stripe.StripePaymentProvider;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The feature packages are modules: each reaches only the modules {@link #MODULES} allows, only
 * through public types of their top package (a sub-package such as {@code payment.web} or
 * {@code payment.stripe} is the module's own business), with no cycles, and none reaches back into
 * the application's wiring ({@link ModuleBoundaries} checks these); a type is public only when another
 * package uses it. docs/architecture.md draws the same table.
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

    /**
     * Package-private by default: a type is public only because another package uses it. Tests count:
     * the harness and the cross-module tests reach the ledger audit, the job runs, the sweeper and the
     * outbox from other packages (the launcher's backup inventory runs the ledger audit, too).
     */
    @Test
    void publicTypesAreThoseAnotherPackageUses() {
        packagePrivateByDefault(production, ModuleRules.testClasses()).check(production);
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

        JavaClasses usedByNobody = new ClassFileImporter().importClasses(WaitingWorkGauge.class);
        assertThat(packagePrivateByDefault(usedByNobody, List.of())
                        .evaluate(usedByNobody)
                        .hasViolation())
                .isTrue();
    }

    /** A class outside the payment module that uses one of its internals. */
    static final class ReachesIntoPaymentStripe {
        Class<?> internal = StripePaymentProvider.class;
    }

    private static ArchRule packagePrivateByDefault(JavaClasses classes, Iterable<JavaClass> tests) {
        return PackagePrivateByDefault.rule(classes, tests, "TimeServiceApplication");
    }
}
