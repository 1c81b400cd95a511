package ai.mindbot.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.admin.db.AdminDatabase;
import ai.mindbot.admin.db.ReportsDatabase;
import ai.mindbot.common.test.ModuleBoundaries;
import ai.mindbot.common.test.ModuleRules;
import ai.mindbot.common.test.PackagePrivateByDefault;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's feature packages are modules, as in the time service ({@code TimeModulesTest}):
 * each reaches only the modules {@link #MODULES} allows, only through public types of their top
 * package, with no cycles, and of the application's wiring only {@link AdminSettings}. On top of
 * that, which modules hold which connection: the read-only report connection ({@link ReportsDatabase},
 * the owners' published views) and the dashboard's own database ({@link AdminDatabase}, the only one
 * it writes). A type is public only when another package uses it. {@code TableWritersTest} checks
 * the SQL itself. docs/architecture.md draws the same table.
 */
class AdminModulesTest extends ModuleBoundaries {

    private static final String ROOT = "ai.mindbot.admin";

    /** Which modules each module may use. Everything not listed is refused. */
    static final ModuleRules MODULES = new ModuleRules(
            ROOT,
            Map.of(
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
                    "actions", Set.of("audit", "reports", "upstream", "users")));

    /** The modules that read the owners' published report views, on the read-only connection. */
    static final Set<String> VIEW_READERS = Set.of("analytics", "export", "reports", "users");

    /** The modules that own admin's tables: the rollups and the audit log. */
    static final Set<String> TABLE_OWNERS = Set.of("analytics", "audit");

    /** The top package wires the modules; a module may use from it only the settings it binds. */
    AdminModulesTest() {
        super(MODULES, AdminSettings.class);
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
        assertThat(MODULES.without("actions", "audit")
                        .onlyAllowedDependencies()
                        .evaluate(production)
                        .hasViolation())
                .isTrue();

        assertThat(connectionRule(ReportsDatabase.class, Set.of("analytics", "reports", "users"))
                        .evaluate(production)
                        .hasViolation())
                .as("export reads the views")
                .isTrue();
        assertThat(connectionRule(AdminDatabase.class, Set.of("analytics"))
                        .evaluate(production)
                        .hasViolation())
                .as("the audit log writes its table")
                .isTrue();

        JavaClasses usedByNobody = new ClassFileImporter().importClasses(AdminSettings.class);
        assertThat(packagePrivateByDefault(usedByNobody).evaluate(usedByNobody).hasViolation())
                .isTrue();
    }

    private static ArchRule connectionRule(Class<?> connection, Set<String> holders) {
        String[] allowed =
                new TreeSet<>(holders).stream().map(m -> ROOT + "." + m + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(ROOT + "..")
                .and()
                .resideOutsideOfPackages(allowed)
                .and()
                .resideOutsideOfPackage(ROOT + ".db..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(connection)
                .because("only " + new TreeSet<>(holders) + " hold " + connection.getSimpleName());
    }

    private static ArchRule packagePrivateByDefault(JavaClasses classes) {
        return PackagePrivateByDefault.rule(classes, "AdminDashboardApplication");
    }
}
