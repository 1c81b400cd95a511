package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.auth.token.web.TokenWebInternal;
import ai.mindbot.common.test.ModuleBoundaries;
import ai.mindbot.common.test.ModuleRules;
import ai.mindbot.common.test.PackagePrivateByDefault;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The auth service's feature packages are modules, as in the time service ({@code TimeModulesTest}):
 * each reaches only the modules {@link #MODULES} allows, only through public types of their top
 * package (a sub-package such as {@code token.web} is the module's own business), with no cycles,
 * none reaches back into the application's wiring, and a type is public only when another package
 * uses it. docs/architecture.md draws the same table.
 */
class AuthModulesTest extends ModuleBoundaries {

    /** Which modules each module may use. Everything not listed is refused. */
    static final ModuleRules MODULES = new ModuleRules(
            "ai.mindbot.auth",
            Map.of(
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
                    "app", Set.of("livekit")));

    /** The top package (the application and its security chain) wires the modules; none uses it. */
    AuthModulesTest() {
        super(MODULES);
    }

    /** Package-private by default: a type is public only because another package uses it. */
    @Test
    void publicTypesAreThoseAnotherPackageUses() {
        packagePrivateByDefault(production).check(production);
    }

    /** The rules must be able to fail: drop one edge the code uses, reach into an internal package. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        assertThat(MODULES.without("admin", "token")
                        .onlyAllowedDependencies()
                        .evaluate(production)
                        .hasViolation())
                .isTrue();

        JavaClasses reachingIn = new ClassFileImporter().importClasses(ReachesIntoTokenWeb.class);
        assertThat(MODULES.onlyThroughPublicTypesOfTopPackages()
                        .evaluate(reachingIn)
                        .hasViolation())
                .isTrue();

        JavaClasses usedByNobody = new ClassFileImporter().importClasses(UserAccount.class);
        assertThat(packagePrivateByDefault(usedByNobody).evaluate(usedByNobody).hasViolation())
                .isTrue();
    }

    /** A class outside the token module that uses one of its internals. */
    static final class ReachesIntoTokenWeb {
        Class<?> internal = TokenWebInternal.class;
    }

    private static ArchRule packagePrivateByDefault(JavaClasses classes) {
        return PackagePrivateByDefault.rule(classes, "AuthServiceApplication");
    }
}
