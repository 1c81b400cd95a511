package ai.mindbot.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ai.mindbot.admin.AdminDashboardApplication;
import ai.mindbot.agent.AgentMain;
import ai.mindbot.auth.AuthServiceApplication;
import ai.mindbot.common.config.DotEnv;
import ai.mindbot.time.TimeServiceApplication;

/**
 * {@code ./mindbot}: with no command, starts auth (8000), time (8001) and admin (8002) in this one
 * JVM, each in its own Spring context exactly as it runs alone, prints where they listen, and
 * stops them all on Ctrl-C.
 */
public final class Mindbot {

    static final Map<String, Supplier<SpringApplicationBuilder>> SERVICES = Map.of(
            "auth", AuthServiceApplication::builder,
            "time", TimeServiceApplication::builder,
            "admin", AdminDashboardApplication::builder);
    static final List<String> ORDER = List.of("auth", "time", "admin");

    private Mindbot() {
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = rest.isEmpty() ? "run" : rest.remove(0);
        switch (command) {
            case "-h", "--help", "help" -> usage(System.out);
            case "run" -> startAll(rest.toArray(String[]::new));
            case "auth", "time", "admin" -> startOne(command, rest.toArray(String[]::new));
            case "agent" -> System.exit(AgentMain.run(rest.toArray(String[]::new), environment()));
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
                  (none), run   start auth (8000), time (8001) and admin (8002) in one process
                  auth          start only the auth service
                  time          start only the time service
                  admin         start only the admin dashboard
                  agent start   run MindBot, the time-aware voice agent (./mindbot agent --help)
                  agent console talk to MindBot in this terminal (--email EMAIL or --guest)
                  agent echo    run the LiveKit echo agent
                  help          show this text

                Configuration comes from environment variables and ./.env (see env.example and README.md).
                With nothing configured MindBot runs in development mode: embedded SQLite under ./data,
                a generated JWT secret, LiveKit dev keys and simulated payments.""");
    }

    static List<ConfigurableApplicationContext> startAll(String[] args) {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        for (String name : ORDER) {
            try {
                started.add(SERVICES.get(name).get().run(args));
            } catch (RuntimeException e) {
                System.err.println("MindBot could not start the " + name + " service: " + rootMessage(e));
                started.forEach(ConfigurableApplicationContext::close);
                System.exit(1);
            }
        }
        banner(started);
        return started;
    }

    static void startOne(String name, String[] args) {
        banner(List.of(SERVICES.get(name).get().run(args)));
    }

    private static void banner(List<ConfigurableApplicationContext> contexts) {
        StringBuilder out = new StringBuilder("\nMindBot Time is running:\n");
        for (ConfigurableApplicationContext context : contexts) {
            String name = context.getEnvironment().getProperty("spring.application.name");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            out.append(String.format("  %-16s http://localhost:%d   (health: http://localhost:%d/health)%n", name, port, port));
        }
        out.append("Press Ctrl-C to stop.\n");
        System.out.println(out);
    }

    /** The process environment over {@code .env} (real variables win), for the plain-Java agent runtime. */
    static Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>(
                DotEnv.read(java.nio.file.Path.of(System.getenv().getOrDefault("MINDBOT_ENV_FILE", ".env"))));
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
