package ai.mindbot.common.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's feature packages as modules: each first-level package under {@code root} is one, and
 * {@code allowed} says which others each may use (everything not listed is refused). The rules here
 * are the ones docs/architecture.md describes under "Module rules"; {@link ModuleBoundaries} checks
 * them for each service's {@code *ModulesTest}, which gives its table.
 */
public record ModuleRules(String root, Map<String, Set<String>> allowed) {

    public ModuleRules {
        allowed = Map.copyOf(allowed);
    }

    /** The module's own classes only: scanning the whole class path for the package took a minute. */
    public static JavaClasses productionClasses() {
        return new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    /** The module's own test classes, for rules where a test's use of a type counts. */
    public static JavaClasses testClasses() {
        return new ClassFileImporter().importPath(Path.of("target/test-classes"));
    }

    /** The first package level under the root of every class: what the table must name, no more, no fewer. */
    public Set<String> featurePackages(JavaClasses classes) {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(root + ".")) {
                found.add(c.getPackageName().substring(root.length() + 1).split("\\.")[0]);
            }
        }
        return found;
    }

    /** The same table but for one edge, for the cases proving the rules can fail on code that uses it. */
    public ModuleRules without(String module, String used) {
        Map<String, Set<String>> fewer = new HashMap<>(allowed);
        Set<String> uses = new HashSet<>(allowed.get(module));
        if (!uses.remove(used)) {
            throw new IllegalArgumentException(module + " is not allowed " + used + " in the first place");
        }
        fewer.put(module, uses);
        return new ModuleRules(root, fewer);
    }

    /** A module uses only the modules the table allows it. */
    public ArchRule onlyAllowedDependencies() {
        List<ArchRule> rules = new ArrayList<>();
        allowed.forEach((module, uses) -> {
            String[] forbidden = allowed.keySet().stream()
                    .filter(other -> !other.equals(module) && !uses.contains(other))
                    .map(other -> root + "." + other + "..")
                    .toArray(String[]::new);
            if (forbidden.length > 0) {
                rules.add(noClasses()
                        .that()
                        .resideInAPackage(root + "." + module + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(forbidden)
                        .because(module + " may use only " + new TreeSet<>(uses)));
            }
        });
        return CompositeArchRule.of(rules);
    }

    public ArchRule freeOfCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Across modules, only public types of the target module's top package: its sub-packages are its own business. */
    public ArchRule onlyThroughPublicTypesOfTopPackages() {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : allowed.keySet()) {
            String top = root + "." + module;
            DescribedPredicate<JavaClass> internal = DescribedPredicate.describe(
                    "an internal of " + module + " (a sub-package, or not public)",
                    c -> c.getPackageName().startsWith(top + ".")
                            || (c.getPackageName().equals(top)
                                    && !c.getModifiers().contains(JavaModifier.PUBLIC)));
            rules.add(noClasses()
                    .that()
                    .resideOutsideOfPackage(top + "..")
                    .should()
                    .dependOnClassesThat(internal));
        }
        return CompositeArchRule.of(rules);
    }

    /** The top package wires the modules together; a module may use from it only the types named here. */
    public ArchRule noReachBackIntoTopPackageBut(Class<?>... shared) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(shared).forEach(type -> names.add(type.getName()));
        String but = names.isEmpty()
                ? ""
                : ", but "
                        + String.join(
                                ", ",
                                names.stream()
                                        .map(name -> name.substring(name.lastIndexOf('.') + 1))
                                        .toList());
        return noClasses()
                .that()
                .resideInAPackage(root + ".*..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "the application's wiring (the top package" + but + ")",
                        c -> c.getPackageName().equals(root) && !names.contains(c.getName())));
    }
}
