package ai.mindbot.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.mindbot.console.MindBotConsole;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's packages are modules, as the services' feature packages are ({@code TimeModulesTest}):
 * the runtime (worker protocol, rooms, audio, the API agents are written against) knows neither
 * MindBot nor any voice provider; the voice pipeline knows its provider interfaces, never a concrete
 * provider; each provider ({@code voice.openai}, {@code voice.deepgram}, {@code voice.offline}, ...)
 * is a module of its own. Each module reaches only the modules {@link #ALLOWED} names, only through
 * public types of its packages (a sub-package such as {@code mindbot.tools} is the module's own
 * business), with no cycles, and none reaches back into the wiring but for {@link AgentConfig}.
 * docs/architecture.md draws the same table.
 */
class AgentModulesTest {

    private static final String ROOT = "ai.mindbot.agent";

    /**
     * The packages of each module, under {@code ai.mindbot.agent}; a class belongs to the module of
     * the longest package it is in, so {@code voice.openai} is not part of {@code voice}.
     */
    static final Map<String, Set<String>> PACKAGES = Map.ofEntries(
            // agents' hooks carry media's frames and media's playback queue is api's Playback: one contract
            Map.entry("api", Set.of("api", "media")),
            Map.entry("ws", Set.of("ws")),
            Map.entry("config", Set.of("config")),
            Map.entry("rtc", Set.of("rtc")),
            Map.entry("worker", Set.of("worker")),
            Map.entry("local", Set.of("local")),
            Map.entry("echo", Set.of("echo")),
            Map.entry("voice", Set.of("voice")),
            Map.entry("voice.wire", Set.of("voice.wire")),
            Map.entry("voice.openai", Set.of("voice.openai")),
            Map.entry("voice.deepgram", Set.of("voice.deepgram")),
            Map.entry("voice.cloud", Set.of("voice.cloud")),
            Map.entry("voice.offline", Set.of("voice.offline")),
            Map.entry("voice.providers", Set.of("voice.providers")),
            Map.entry("voice.metrics", Set.of("voice.metrics")),
            Map.entry("mindbot", Set.of("mindbot")));

    /** Which modules each module may use. Everything not listed is refused. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("api", Set.of()),
            Map.entry("ws", Set.of()),
            // reading named settings from the environment map, one way (blank is unset)
            Map.entry("config", Set.of()),
            Map.entry("rtc", Set.of("api", "ws")),
            Map.entry("worker", Set.of("api", "rtc", "ws")),
            // webrtc's echo canceller needs the native library rtc loads
            Map.entry("local", Set.of("api", "rtc")),
            Map.entry("echo", Set.of("api")),
            Map.entry("voice", Set.of("api")),
            // retries and cancellation shared by the cloud providers, on the pipeline's TTS events
            Map.entry("voice.wire", Set.of("api", "voice")),
            Map.entry("voice.openai", Set.of("api", "config", "voice", "voice.wire")),
            Map.entry("voice.deepgram", Set.of("api", "config", "voice", "voice.wire")),
            Map.entry("voice.cloud", Set.of("config", "voice", "voice.deepgram", "voice.openai")),
            Map.entry("voice.offline", Set.of("api", "config", "voice")),
            Map.entry("voice.providers", Set.of("config", "voice", "voice.cloud", "voice.offline")),
            Map.entry("voice.metrics", Set.of("config", "voice")),
            // MindBot's console runs it in a local room on the providers the environment selects
            // (mindBotOutsideItsConsoleUsesOnlyTheApiAndTheVoicePipeline keeps the agent itself narrower)
            Map.entry(
                    "mindbot",
                    Set.of(
                            "api",
                            "config",
                            "local",
                            "rtc",
                            "voice",
                            "voice.metrics",
                            "voice.offline",
                            "voice.providers")));

    /** The runtime: what runs any agent in a room, or in the terminal. */
    static final Set<String> RUNTIME = Set.of("api", "ws", "rtc", "worker", "local");

    /** The concrete voice providers and the choice among them. */
    static final Set<String> PROVIDERS =
            Set.of("voice.openai", "voice.deepgram", "voice.cloud", "voice.offline", "voice.providers", "voice.wire");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // the module's own classes only, as TimeModulesTest: scanning the class path takes a minute
        production = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void everyPackageBelongsToAModuleInTheTable() {
        assertThat(PACKAGES.keySet()).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        Set<String> homeless = new TreeSet<>();
        for (JavaClass c : production) {
            if (!c.getPackageName().equals(ROOT) && moduleOf(c).isEmpty()) {
                homeless.add(c.getPackageName());
            }
        }
        assertThat(homeless).isEmpty();
    }

    @Test
    void modulesUseOnlyTheModulesTheyAreAllowed() {
        dependencyRules(ALLOWED).check(production);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        return moduleOf(c).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
                    }

                    @Override
                    public String getDescription() {
                        return "the agent's modules";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(production);
    }

    @Test
    void theRuntimeKnowsNeitherMindBotNorTheVoicePipeline() {
        noClasses()
                .that(inAny(RUNTIME))
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "MindBot or the voice pipeline",
                        c -> moduleOf(c)
                                .filter(m -> m.equals("mindbot") || m.startsWith("voice"))
                                .isPresent()))
                .check(production);
    }

    @Test
    void theVoicePipelineKnowsNoConcreteProvider() {
        noClasses()
                .that(inAny(Set.of("voice")))
                .should()
                .dependOnClassesThat(inAny(PROVIDERS))
                .check(production);
    }

    /** MindBot the agent talks to a room and a conversation; only its console picks a room and providers. */
    @Test
    void mindBotOutsideItsConsoleUsesOnlyTheApiAndTheVoicePipeline() {
        Set<String> others = new TreeSet<>(ALLOWED.keySet());
        others.removeAll(Set.of("mindbot", "api", "config", "voice", "voice.metrics"));
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".mindbot..")
                .and()
                .resideOutsideOfPackage(ROOT + ".mindbot.console..")
                .should()
                .dependOnClassesThat(inAny(others))
                .check(production);
    }

    @Test
    void modulesReachEachOtherOnlyThroughPublicTypesOfTheirPackages() {
        internalsRule().check(production);
    }

    /**
     * The top package wires the modules ({@code AgentMain}); a module may use from it only the
     * worker's LiveKit settings, read from the environment in one place.
     */
    @Test
    void modulesDoNotReachBackIntoTheWiring() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".*..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "the wiring (the top package, but AgentConfig)",
                        c -> c.getPackageName().equals(ROOT) && !c.isEquivalentTo(AgentConfig.class)))
                .check(production);
    }

    /** The rules must be able to fail: drop one edge the code uses, reach into a module's sub-package. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        Map<String, Set<String>> workerWithoutRtc = new HashMap<>(ALLOWED);
        workerWithoutRtc.put("worker", Set.of("api", "ws"));
        assertThat(dependencyRules(workerWithoutRtc).evaluate(production).hasViolation())
                .isTrue();

        JavaClasses reachingIn = new ClassFileImporter().importClasses(ReachesIntoMindBotConsole.class);
        assertThat(internalsRule().evaluate(reachingIn).hasViolation()).isTrue();
    }

    /** A class outside the mindbot module that uses one of its internals. */
    static final class ReachesIntoMindBotConsole {
        Class<?> internal = MindBotConsole.class;
    }

    static Optional<String> moduleOf(JavaClass c) {
        String pkg = c.getPackageName();
        return PACKAGES.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(p -> Map.entry(ROOT + "." + p, e.getKey())))
                .filter(e -> pkg.equals(e.getKey()) || pkg.startsWith(e.getKey() + "."))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private static DescribedPredicate<JavaClass> inAny(Set<String> modules) {
        return DescribedPredicate.describe(
                "in " + new TreeSet<>(modules),
                c -> moduleOf(c).filter(modules::contains).isPresent());
    }

    private static ArchRule dependencyRules(Map<String, Set<String>> allowed) {
        List<ArchRule> rules = new ArrayList<>();
        allowed.forEach((module, uses) -> {
            Set<String> forbidden = new TreeSet<>(allowed.keySet());
            forbidden.remove(module);
            forbidden.removeAll(uses);
            if (!forbidden.isEmpty()) {
                rules.add(noClasses()
                        .that(inAny(Set.of(module)))
                        .should()
                        .dependOnClassesThat(inAny(forbidden))
                        .because(module + " may use only " + new TreeSet<>(uses)));
            }
        });
        return CompositeArchRule.of(rules);
    }

    /**
     * Across modules, only public types of the target module's own packages (not their sub-packages).
     * The wiring is held to it too, but for the console it starts ({@code ./mindbot agent console}).
     */
    private static ArchRule internalsRule() {
        return classes()
                .should(
                        new ArchCondition<JavaClass>(
                                "reach other modules only through public types of their packages") {
                            @Override
                            public void check(JavaClass origin, ConditionEvents events) {
                                Optional<String> from = moduleOf(origin);
                                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                                    JavaClass target = d.getTargetClass();
                                    Optional<String> to = moduleOf(target);
                                    boolean startsTheConsole = origin.isEquivalentTo(AgentMain.class)
                                            && target.isEquivalentTo(MindBotConsole.class);
                                    if (to.isPresent()
                                            && !to.equals(from)
                                            && isInternal(target, to.get())
                                            && !startsTheConsole) {
                                        events.add(SimpleConditionEvent.violated(
                                                d, d.getDescription() + ": an internal of " + to.get()));
                                    }
                                }
                            }
                        });
    }

    private static boolean isInternal(JavaClass c, String module) {
        boolean inOwnPackage =
                PACKAGES.get(module).stream().anyMatch(p -> c.getPackageName().equals(ROOT + "." + p));
        return !inOwnPackage || !c.getModifiers().contains(JavaModifier.PUBLIC);
    }
}
