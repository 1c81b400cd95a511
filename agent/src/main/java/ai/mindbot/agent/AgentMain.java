package ai.mindbot.agent;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import ai.mindbot.agent.api.AgentFactory;
import ai.mindbot.agent.echo.EchoAgent;
import ai.mindbot.agent.worker.AgentWorker;

/**
 * {@code ./mindbot agent <name>}: runs an agent worker until SIGTERM or Ctrl-C, then drains.
 * The launcher passes the environment merged with {@code .env}.
 */
public final class AgentMain {

    private static final Map<String, AgentFactory> AGENTS = Map.of("echo", job -> new EchoAgent());

    private AgentMain() {
    }

    /** Returns the process exit code. */
    public static int run(String[] args, Map<String, String> env) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(System.out);
            return 0;
        }
        AgentFactory factory = AGENTS.get(args[0]);
        if (factory == null) {
            System.err.println("unknown agent: " + args[0]);
            usage(System.err);
            return 2;
        }
        AgentConfig config;
        try {
            config = AgentConfig.from(env);
        } catch (IllegalArgumentException e) {
            System.err.println("agent: " + e.getMessage());
            return 2;
        }
        AgentWorker worker = new AgentWorker(config, factory).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.drain(config.drainTimeout());
            stopped.countDown();
        }, "agent-drain"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static void usage(PrintStream out) {
        out.println("""
                Usage: ./mindbot agent <agent>

                Agents:
                  echo    plays back what each participant says, half a second later (media diagnostics)

                Runs a LiveKit agent worker: registers with LiveKit, joins the rooms it is dispatched to,
                and on SIGTERM stops taking jobs and lets running ones finish (AGENT_DRAIN_SECONDS).

                Environment (or .env):
                  LIVEKIT_URL          LiveKit server (default ws://localhost:7880)
                  LIVEKIT_API_KEY      API key (devkey in development)
                  LIVEKIT_API_SECRET   API secret (secret in development)
                  AGENT_NAME           register for explicit dispatch under this name (default: automatic)
                  AGENT_MAX_JOBS       rooms at once before reporting full (default 30)
                  AGENT_DRAIN_SECONDS  how long shutdown waits for running jobs (default 60)""");
    }
}
