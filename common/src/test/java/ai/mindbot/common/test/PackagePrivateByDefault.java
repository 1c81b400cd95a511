package ai.mindbot.common.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Package-private by default: a public top-level type is one another package needs. */
public final class PackagePrivateByDefault {

    private PackagePrivateByDefault() {}

    /**
     * The rule over {@code classes}, which must be checked against the same classes; the application
     * class is exempt, since other programs start it.
     */
    public static ArchRule rule(JavaClasses classes, String applicationClass) {
        return rule(classes, List.of(), applicationClass);
    }

    /**
     * The same, where the uses by {@code otherUsers} count too: the service's own tests, whose
     * harness and cross-module tests reach a type from another package as production code would.
     */
    public static ArchRule rule(JavaClasses classes, Iterable<JavaClass> otherUsers, String applicationClass) {
        Set<String> needed = neededByAnotherPackage(classes);
        needed.addAll(neededByAnotherPackage(otherUsers));
        return classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .and()
                .doNotHaveSimpleName(applicationClass)
                .should(new ArchCondition<JavaClass>("be needed by another package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!needed.contains(type.getName())) {
                            events.add(SimpleConditionEvent.violated(
                                    type, type.getName() + " is public, yet only its own package uses it"));
                        }
                    }
                });
    }

    /**
     * The types a class of another package names, or receives or passes through a method or
     * constructor it calls there (a caller of {@code reserve(AttemptKey...)} needs AttemptKey public
     * without ever naming it).
     */
    private static Set<String> neededByAnotherPackage(Iterable<JavaClass> classes) {
        Set<String> needed = new HashSet<>();
        for (JavaClass c : classes) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (!d.getTargetClass().getPackageName().equals(c.getPackageName())) {
                    needed.add(baseComponentName(d.getTargetClass()));
                }
            }
            for (JavaCall<?> call : c.getCodeUnitCallsFromSelf()) {
                if (!call.getTargetOwner().getPackageName().equals(c.getPackageName())) {
                    call.getTarget().getRawParameterTypes().forEach(t -> needed.add(baseComponentName(t)));
                    needed.add(baseComponentName(call.getTarget().getRawReturnType()));
                }
            }
        }
        return needed;
    }

    /**
     * The element type of an array, else the type. An array of a class outside the import (the
     * {@code Object[]} of a library method's signature) has no component to follow, and
     * getBaseComponentType throws on it; such an array names no class of ours anyway.
     */
    private static String baseComponentName(JavaClass type) {
        JavaClass base = type;
        while (base.tryGetComponentType().isPresent()) {
            base = base.tryGetComponentType().get();
        }
        return base.getName();
    }
}
