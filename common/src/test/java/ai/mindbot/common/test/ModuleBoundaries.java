package ai.mindbot.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The module rules every service checks (docs/architecture.md, "Module rules"), as tests: a service's
 * {@code *ModulesTest} extends this with its {@link ModuleRules table}, adds the rules only it has and
 * proves the rules can fail.
 */
@TestInstance(Lifecycle.PER_CLASS) // one import of the classes for all the tests: it takes seconds
public abstract class ModuleBoundaries {

    protected final ModuleRules modules;
    private final Class<?>[] sharedFromTopPackage;
    protected JavaClasses production;

    /** @param sharedFromTopPackage the types of the application's wiring a module may still use */
    protected ModuleBoundaries(ModuleRules modules, Class<?>... sharedFromTopPackage) {
        this.modules = modules;
        this.sharedFromTopPackage = sharedFromTopPackage.clone();
    }

    @BeforeAll
    void importProductionClasses() {
        production = ModuleRules.productionClasses();
    }

    @Test
    void everyFeaturePackageIsAModuleInTheTable() {
        assertThat(modules.featurePackages(production))
                .containsExactlyInAnyOrderElementsOf(modules.allowed().keySet());
    }

    @Test
    void modulesUseOnlyTheModulesTheyAreAllowed() {
        modules.onlyAllowedDependencies().check(production);
    }

    @Test
    void modulesAreFreeOfCycles() {
        modules.freeOfCycles().check(production);
    }

    @Test
    void modulesReachEachOtherOnlyThroughPublicTypesOfTheirTopPackage() {
        modules.onlyThroughPublicTypesOfTopPackages().check(production);
    }

    @Test
    void modulesDoNotReachBackIntoTheApplicationWiring() {
        modules.noReachBackIntoTopPackageBut(sharedFromTopPackage).check(production);
    }
}
