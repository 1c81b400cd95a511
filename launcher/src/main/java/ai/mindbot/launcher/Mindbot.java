package ai.mindbot.launcher;

import ai.mindbot.admin.AdminDashboardApplication;
import ai.mindbot.agent.AgentMain;
import ai.mindbot.auth.AuthServiceApplication;
import ai.mindbot.common.config.DotEnv;
import ai.mindbot.launcher.backup.BackupCommand;
import ai.mindbot.time.TimeServiceApplication;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./mindbot}: with no command, starts auth (8000, also serving the web app), time (8001) and
 * admin (8002) in this one JVM, each in its own Spring context exactly as it runs alone, prints the
 * app's URL and where each service listens, and stops them all on Ctrl-C.
 */
public final class Mindbot {

    static final Map<String, Supplier<SpringApplicationBuilder>> SERVICES = Map.of(
            "auth", AuthServiceApplication::builder,
            "time", TimeServiceApplication::builder,
            "admin", AdminDashboardApplication::builder);
    static final List<String> ORDER = List.of("auth", "time", "admin");

    private Mindbot() {}

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = rest.isEmpty() ? "run" : rest.remove(0);
        switch (command) {
            case "-h", "--help", "help" -> usage(System.out);
            case "run" -> {
                Running running = startEverything(rest.toArray(String[]::new));
                Runtime.getRuntime().addShutdownHook(new Thread(running::close, "mindbot-stop"));
            }
            case "services" -> startServices(rest.toArray(String[]::new));
            case "auth", "time", "admin" -> startOne(command, rest.toArray(String[]::new));
            case "agent" -> System.exit(AgentMain.run(rest.toArray(String[]::new), environment()));
            case "backup" -> System.exit(BackupCommand.backup(rest, settings(rest), System.out));
            case "restore" -> System.exit(BackupCommand.restore(rest, settings(rest), System.out));
            default -> {
                System.err.println("unknown command: " + command);
                usage(System.err);
                System.exit(2);
            }
        }
    }

    static void usage(PrintStream out) {
        out.println("""
                Usage: ./mindbot [command] [--option=value ...]

                Commands:
                  (none), run   everything a person needs to talk to MindBot: the three services, a LiveKit
                                server (the one at LIVEKIT_URL, or a local livekit-server started for this run),
                                the MindBot agent (offline voice without provider keys) and the web app at :8000
                  services      only auth (8000), time (8001) and admin (8002), in one process
                  auth          start only the auth service
                  time          start only the time service
                  admin         start only the admin dashboard
                  agent start   run MindBot, the time-aware voice agent (./mindbot agent --help)
                  agent console talk to MindBot in this terminal (--email EMAIL or --guest)
                  agent echo    run the LiveKit echo agent
                  backup [dir]  a consistent copy of all data while MindBot runs, in dir/mindbot-<time>/
                                (default ./backups): SQLite files, or pg_dump when DATABASE_URL is set
                  restore <backup> [--overwrite]
                                put a backup back; refuses to replace existing data without --overwrite
                  help          show this text

                Configuration comes from environment variables and ./.env (see env.example and README.md).
                With nothing configured MindBot runs in development mode: embedded SQLite under ./data,
                a generated JWT secret, LiveKit dev keys and simulated payments.""");
    }

    static List<ConfigurableApplicationContext> startAll(String[] args) {
        Map<String, ConfigurableApplicationContext> started = new LinkedHashMap<>();
        // The time service first: its real port (TIME_PORT may be 0) is where auth passes /time/** on.
        String[] withTimeUrl = args;
        for (String name : List.of("time", "auth", "admin")) {
            try {
                ConfigurableApplicationContext context =
                        SERVICES.get(name).get().run(withTimeUrl);
                started.put(name, context);
                if (name.equals("time")) {
                    withTimeUrl = withTimeServiceUrl(args, environment(), port(context));
                }
            } catch (RuntimeException e) {
                System.err.println("MindBot could not start the " + name + " service: " + rootMessage(e));
                started.values().forEach(ConfigurableApplicationContext::close);
                System.exit(1);
            }
        }
        return ORDER.stream().map(started::get).toList();
    }

    /**
     * The auth service passes the web app's {@code /time/**} calls to the time service when
     * {@code TIME_SERVICE_URL} is set; in one process the time service is next door, so unless the
     * operator said otherwise it is {@code http://localhost:<its port>}.
     */
    static String[] withTimeServiceUrl(String[] args, Map<String, String> env, int timePort) {
        boolean given = Arrays.stream(args).anyMatch(a -> a.startsWith("--TIME_SERVICE_URL="))
                || !env.getOrDefault("TIME_SERVICE_URL", "").isBlank();
        if (given) {
            return args;
        }
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--TIME_SERVICE_URL=http://localhost:" + timePort);
        return all.toArray(String[]::new);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static void startOne(String name, String[] args) {
        banner(List.of(SERVICES.get(name).get().run(args)), null);
    }

    /** The services, then LiveKit and the MindBot agent beside them; Ctrl-C stops all of it. */
    static Running startEverything(String[] args) {
        List<ConfigurableApplicationContext> services = startAll(args);
        Map<String, String> env = settings(Arrays.asList(args));
        VoiceSide voice = VoiceSide.start(env, services);
        banner(services, voice);
        return new Running(services, voice);
    }

    /** What a full run started; closing stops the agent and LiveKit first, then the services. */
    record Running(List<ConfigurableApplicationContext> services, VoiceSide voice) implements AutoCloseable {
        @Override
        public void close() {
            voice.close();
            services.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** Only the three services, with the banner ({@code ./mindbot services}). */
    static List<ConfigurableApplicationContext> startServices(String[] args) {
        List<ConfigurableApplicationContext> services = startAll(args);
        banner(services, null);
        return services;
    }

    /** {@code --KEY=VALUE} arguments, which Spring reads as settings, for the plain-Java agent too. */
    static Map<String, String> commandLineSettings(String[] args) {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                settings.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return settings;
    }

    private static void banner(List<ConfigurableApplicationContext> contexts, VoiceSide voice) {
        StringBuilder out = new StringBuilder("\n");
        for (ConfigurableApplicationContext context : contexts) {
            if ("auth-service".equals(context.getEnvironment().getProperty("spring.application.name"))) {
                out.append(String.format("  Open MindBot:    http://localhost:%d/%n%n", port(context)));
            }
        }
        out.append("MindBot Time is running:\n");
        for (ConfigurableApplicationContext context : contexts) {
            String name = context.getEnvironment().getProperty("spring.application.name");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            out.append(String.format(
                    "  %-16s http://localhost:%d   (health: http://localhost:%d/health)%n", name, port, port));
        }
        if (voice != null) {
            out.append("  ").append(voice.describe()).append('\n');
        }
        out.append("Press Ctrl-C to stop.\n");
        System.out.println(out);
    }

    /** The environment and {@code .env}, with {@code --KEY=VALUE} arguments over both, as the services read them. */
    private static Map<String, String> settings(List<String> args) {
        Map<String, String> settings = environment();
        settings.putAll(commandLineSettings(args.toArray(String[]::new)));
        return settings;
    }

    /** The process environment over {@code .env} (real variables win), for the plain-Java agent runtime. */
    static Map<String, String> environment() {
        Map<String, String> env =
                new HashMap<>(DotEnv.read(Path.of(System.getenv().getOrDefault("MINDBOT_ENV_FILE", ".env"))));
        env.putAll(System.getenv());
        return env;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
