package ai.mindbot.time;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import ai.mindbot.time.payment.stripe.StripePaymentProvider;

/**
 * The feature packages are modules: each reaches only the modules {@link #ALLOWED} names, only
 * through public types of their top package (a sub-package such as {@code payment.web} or
 * {@code payment.stripe} is the module's own business), with no cycles, and none reaches back into
 * the application's wiring. docs/architecture.md draws the same table.
 */
class TimeModulesTest {

    private static final String ROOT = "ai.mindbot.time";

    /** Which modules each module may use. Everything not listed is refused. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "admin", Set.of("balance", "ledger", "payment"),
            "balance", Set.of("ledger"),
            "catalog", Set.of(),
            "jobs", Set.of(),
            "ledger", Set.of(),
            "livekit", Set.of("session"),
            "notify", Set.of("jobs", "ledger"),
            "payment", Set.of("catalog", "jobs", "ledger"),
            "session", Set.of("jobs", "ledger", "notify"));

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // the module's own classes only: scanning the whole class path for the package took a minute
        production = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void everyFeaturePackageIsAModuleInTheTable() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : production) {
            String rest = c.getPackageName().startsWith(ROOT + ".") ? c.getPackageName().substring(ROOT.length() + 1) : "";
            if (!rest.isEmpty()) {
                found.add(rest.split("\\.")[0]);
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void modulesUseOnlyTheModulesTheyAreAllowed() {
        dependencyRules(ALLOWED).check(production);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void modulesReachEachOtherOnlyThroughPublicTypesOfTheirTopPackage() {
        internalsRule().check(production);
    }

    /**
     * The top package wires the modules together; a module may use from it only the shared base of
     * the "oldest waiting work" gauges (outbox backlog, pending purchases, sweeper lag).
     */
    @Test
    void modulesDoNotReachBackIntoTheApplicationWiring() {
        noClasses().that().resideInAPackage(ROOT + ".*..").should().dependOnClassesThat(DescribedPredicate.describe(
                "the application's wiring (the top package, but WaitingWorkGauge)",
                c -> c.getPackageName().equals(ROOT) && !c.isEquivalentTo(WaitingWorkGauge.class)))
                .check(production);
    }

    /** The rules must be able to fail: drop one edge the code uses, reach into an internal package. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        Map<String, Set<String>> adminWithoutPayment = new HashMap<>(ALLOWED);
        adminWithoutPayment.put("admin", Set.of("balance", "ledger"));
        assertThat(dependencyRules(adminWithoutPayment).evaluate(production).hasViolation()).isTrue();

        JavaClasses reachingIn = new ClassFileImporter().importClasses(ReachesIntoPaymentStripe.class);
        assertThat(internalsRule().evaluate(reachingIn).hasViolation()).isTrue();
    }

    /** A class outside the payment module that uses one of its internals. */
    static final class ReachesIntoPaymentStripe {
        Class<?> internal = StripePaymentProvider.class;
    }

    private static ArchRule dependencyRules(Map<String, Set<String>> allowed) {
        List<ArchRule> rules = new ArrayList<>();
        allowed.forEach((module, uses) -> {
            String[] forbidden = allowed.keySet().stream()
                    .filter(other -> !other.equals(module) && !uses.contains(other))
                    .map(other -> ROOT + "." + other + "..").toArray(String[]::new);
            if (forbidden.length > 0) {
                rules.add(noClasses().that().resideInAPackage(ROOT + "." + module + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .because(module + " may use only " + new TreeSet<>(uses)));
            }
        });
        return CompositeArchRule.of(rules);
    }

    /** Across modules, only public types of the target module's top package. */
    private static ArchRule internalsRule() {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : ALLOWED.keySet()) {
            String top = ROOT + "." + module;
            DescribedPredicate<JavaClass> internal = DescribedPredicate.describe(
                    "an internal of " + module + " (a sub-package, or not public)",
                    c -> c.getPackageName().startsWith(top + ".")
                            || (c.getPackageName().equals(top) && !c.getModifiers().contains(JavaModifier.PUBLIC)));
            rules.add(noClasses().that().resideOutsideOfPackage(top + "..")
                    .should().dependOnClassesThat(internal));
        }
        return CompositeArchRule.of(rules);
    }
}
