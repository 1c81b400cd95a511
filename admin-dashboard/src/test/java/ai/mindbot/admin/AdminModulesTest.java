package ai.mindbot.admin;

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

import ai.mindbot.admin.db.AdminDatabase;
import ai.mindbot.admin.db.ReportsDatabase;

/**
 * The admin dashboard's feature packages are modules, as in the time service ({@code TimeModulesTest}):
 * each reaches only the modules {@link #ALLOWED} names, only through public types of their top
 * package, with no cycles, and of the application's wiring only {@link AdminSettings}. On top of
 * that, which modules hold which connection: the read-only report connection ({@link ReportsDatabase},
 * the owners' published views) and the dashboard's own database ({@link AdminDatabase}, the only one
 * it writes). A type is public only when another package uses it. {@code TableWritersTest} checks
 * the SQL itself. docs/architecture.md draws the same table.
 */
class AdminModulesTest {

    private static final String ROOT = "ai.mindbot.admin";

    /** Which modules each module may use. Everything not listed is refused. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "db", Set.of(),
            "upstream", Set.of(),
            // the sign-in page signs in through the auth service
            "web", Set.of("upstream"),
            "audit", Set.of("db", "web"),
            "users", Set.of("db", "web"),
            // a user's report starts from their row in the user directory
            "reports", Set.of("db", "users"),
            "export", Set.of("db"),
            "analytics", Set.of("db", "reports", "users"),
            // an action is checked against the reports, done through the owning service, and audited
            "actions", Set.of("audit", "reports", "upstream", "users"));

    /** The modules that read the owners' published report views, on the read-only connection. */
    static final Set<String> VIEW_READERS = Set.of("analytics", "export", "reports", "users");

    /** The modules that own admin's tables: the rollups and the audit log. */
    static final Set<String> TABLE_OWNERS = Set.of("analytics", "audit");

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

    /** The top package wires the modules; a module may use from it only the settings it binds. */
    @Test
    void modulesDoNotReachBackIntoTheApplicationWiring() {
        noClasses().that().resideInAPackage(ROOT + ".*..").should().dependOnClassesThat(DescribedPredicate.describe(
                "the application's wiring (the top package, but AdminSettings)",
                c -> c.getPackageName().equals(ROOT) && !c.isEquivalentTo(AdminSettings.class)))
                .check(production);
    }

    /** The owners' data is read only on the read-only connection, and only by the modules that report it. */
    @Test
    void onlyTheReportingModulesHoldTheReportConnection() {
        connectionRule(ReportsDatabase.class, VIEW_READERS).check(production);
    }

    /** The dashboard writes only its own database, and only the rollups and the audit log hold it. */
    @Test
    void onlyTheRollupsAndTheAuditLogHoldTheAdminDatabase() {
        connectionRule(AdminDatabase.class, TABLE_OWNERS).check(production);
    }

    /** Package-private by default: a type is public only because another package uses it. */
    @Test
    void publicTypesAreThoseAnotherPackageUses() {
        packagePrivateByDefault(production).check(production);
    }

    /** The rules must be able to fail: drop one edge the code uses, take the report connection from a reader. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        Map<String, Set<String>> actionsWithoutAudit = new HashMap<>(ALLOWED);
        actionsWithoutAudit.put("actions", Set.of("reports", "upstream", "users"));
        assertThat(dependencyRules(actionsWithoutAudit).evaluate(production).hasViolation()).isTrue();

        assertThat(connectionRule(ReportsDatabase.class, Set.of("analytics", "reports", "users"))
                .evaluate(production).hasViolation()).as("export reads the views").isTrue();
        assertThat(connectionRule(AdminDatabase.class, Set.of("analytics")).evaluate(production).hasViolation())
                .as("the audit log writes its table").isTrue();

        JavaClasses usedByNobody = new ClassFileImporter().importClasses(AdminSettings.class);
        assertThat(packagePrivateByDefault(usedByNobody).evaluate(usedByNobody).hasViolation()).isTrue();
    }

    private static ArchRule connectionRule(Class<?> connection, Set<String> holders) {
        String[] allowed = new TreeSet<>(holders).stream().map(m -> ROOT + "." + m + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackages(allowed)
                .and().resideOutsideOfPackage(ROOT + ".db..")
                .should().dependOnClassesThat().areAssignableTo(connection)
                .because("only " + new TreeSet<>(holders) + " hold " + connection.getSimpleName());
    }

    /** Public top-level types are those another package needs; the application class is started by other programs. */
    private static ArchRule packagePrivateByDefault(JavaClasses classes) {
        Set<String> needed = neededByAnotherPackage(classes);
        return classes().that().arePublic().and().areTopLevelClasses().and().doNotHaveSimpleName("AdminDashboardApplication")
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
