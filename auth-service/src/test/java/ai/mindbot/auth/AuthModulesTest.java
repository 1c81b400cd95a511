package ai.mindbot.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.CompositeArchRule;

import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.auth.token.web.TokenWebInternal;

/**
 * The auth service's feature packages are modules, as in the time service ({@code TimeModulesTest}):
 * each reaches only the modules {@link #ALLOWED} names, only through public types of their top
 * package (a sub-package such as {@code token.web} is the module's own business), with no cycles,
 * none reaches back into the application's wiring, and a type is public only when another package
 * uses it. docs/architecture.md draws the same table.
 */
class AuthModulesTest {

    private static final String ROOT = "ai.mindbot.auth";

    /** Which modules each module may use. Everything not listed is refused. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "ratelimit", Set.of(),
            "passthrough", Set.of(),
            "account", Set.of("ratelimit"),
            // a user's LiveKit token carries their account's id and email
            "livekit", Set.of("account", "ratelimit"),
            // a sign-in is an account's tokens, a room token among them; register and login open one
            "token", Set.of("account", "livekit", "ratelimit"),
            // disabling an account ends its sign-ins
            "admin", Set.of("account", "token"),
            // a new password ends every sign-in
            "reset", Set.of("account", "ratelimit", "token"),
            // the web app is told where LiveKit is
            "app", Set.of("livekit"));

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // the module's own classes only, as TimeModulesTest: scanning the class path takes a minute
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

    /** The top package (the application and its security chain) wires the modules; none uses it. */
    @Test
    void modulesDoNotReachBackIntoTheApplicationWiring() {
        noClasses().that().resideInAPackage(ROOT + ".*..").should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(production);
    }

    /** Package-private by default: a type is public only because another package uses it. */
    @Test
    void publicTypesAreThoseAnotherPackageUses() {
        packagePrivateByDefault(production).check(production);
    }

    /** The rules must be able to fail: drop one edge the code uses, reach into an internal package. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        Map<String, Set<String>> adminWithoutToken = new HashMap<>(ALLOWED);
        adminWithoutToken.put("admin", Set.of("account"));
        assertThat(dependencyRules(adminWithoutToken).evaluate(production).hasViolation()).isTrue();

        JavaClasses reachingIn = new ClassFileImporter().importClasses(ReachesIntoTokenWeb.class);
        assertThat(internalsRule().evaluate(reachingIn).hasViolation()).isTrue();

        JavaClasses usedByNobody = new ClassFileImporter().importClasses(UserAccount.class);
        assertThat(packagePrivateByDefault(usedByNobody).evaluate(usedByNobody).hasViolation()).isTrue();
    }

    /** A class outside the token module that uses one of its internals. */
    static final class ReachesIntoTokenWeb {
        Class<?> internal = TokenWebInternal.class;
    }

    /** Public top-level types are those another package needs; the application class is started by other programs. */
    private static ArchRule packagePrivateByDefault(JavaClasses classes) {
        Set<String> needed = neededByAnotherPackage(classes);
        return classes().that().arePublic().and().areTopLevelClasses().and().doNotHaveSimpleName("AuthServiceApplication")
                .should(new ArchCondition<JavaClass>("be needed by another package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!needed.contains(type.getName())) {
                            events.add(SimpleConditionEvent.violated(type,
                                    type.getName() + " is public, yet only its own package uses it"));
                        }
                    }
                });
    }

    /**
     * The types a class of another package names, or receives or passes through a method or
     * constructor it calls there (a caller of {@code reserve(AttemptKey...)} needs AttemptKey public
     * without ever naming it).
     */
    private static Set<String> neededByAnotherPackage(JavaClasses classes) {
        Set<String> needed = new HashSet<>();
        for (JavaClass c : classes) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (!d.getTargetClass().getPackageName().equals(c.getPackageName())) {
                    needed.add(d.getTargetClass().getBaseComponentType().getName());
                }
            }
            for (JavaCall<?> call : c.getCodeUnitCallsFromSelf()) {
                if (!call.getTargetOwner().getPackageName().equals(c.getPackageName())) {
                    call.getTarget().getRawParameterTypes().forEach(t -> needed.add(t.getBaseComponentType().getName()));
                    needed.add(call.getTarget().getRawReturnType().getBaseComponentType().getName());
                }
            }
        }
        return needed;
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
