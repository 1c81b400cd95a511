package ai.mindbot.agent;

import ai.mindbot.agent.api.AgentFactory;
import ai.mindbot.agent.echo.EchoAgent;
import ai.mindbot.agent.mindbot.MindBotFactory;
import ai.mindbot.agent.mindbot.console.MindBotConsole;
import ai.mindbot.agent.rtc.MediaLibrary;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.metrics.MetricsServer;
import ai.mindbot.agent.voice.metrics.VoiceMetrics;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import ai.mindbot.agent.voice.providers.ProviderSelection;
import ai.mindbot.agent.worker.AgentWorker;
import ai.mindbot.agent.worker.WorkerLoadMetrics;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code ./mindbot agent <name>}: runs an agent worker until SIGTERM or Ctrl-C, then drains.
 * The launcher passes the environment merged with {@code .env}.
 */
public final class AgentMain {

    private AgentMain() {}

    /** Returns the process exit code; voice providers as the environment selects them (cloud keys, else offline). */
    public static int run(String[] args, Map<String, String> env) {
        return run(args, env, selectedVoice());
    }

    /**
     * Returns the process exit code.
     *
     * @param voice builds the voice providers (VAD, STT, LLM, TTS) for this environment
     */
    public static int run(String[] args, Map<String, String> env, Function<Map<String, String>, VoiceProviders> voice) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(System.out);
            return 0;
        }
        if (args[0].equals("console")) {
            return MindBotConsole.run(
                    Arrays.copyOfRange(args, 1, args.length), env, System.in, System.out, AgentMain::promptPassword);
        }
        AgentConfig config;
        AgentWorker worker;
        try {
            config = AgentConfig.from(env);
            worker = startWorker(args[0], config, env, voice);
        } catch (IllegalArgumentException | OfflineVoice.Unavailable | MediaLibrary.Missing e) {
            System.err.println("agent " + args[0] + ": " + e.getMessage());
            if (e instanceof UnknownAgent) {
                usage(System.err);
            }
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            worker.drain(config.drainTimeout());
                            stopped.countDown();
                        },
                        "agent-drain"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Registers a worker for the named agent ({@code start} or {@code echo}) and returns it running,
     * for a caller that runs other things beside it (the launcher's all-in-one mode).
     *
     * @throws IllegalArgumentException     for an unknown agent or a bad setting, with a message to print
     * @throws OfflineVoice.Unavailable     when the offline voice lacks something, with the one line to print
     * @throws MediaLibrary.Missing         when webrtc-java's native library cannot load here (no libpulse0),
     *                                      with the one line to print; checked before anything else starts
     */
    public static AgentWorker startWorker(
            String agent,
            AgentConfig config,
            Map<String, String> env,
            Function<Map<String, String>, VoiceProviders> voice) {
        VoiceMetrics turns = new VoiceMetrics();
        AgentFactory factory = switch (agent) {
            case "echo" -> job -> new EchoAgent();
            case "start" -> MindBotFactory.create(env, voice, turns);
            default -> throw new UnknownAgent(agent);
        };
        MediaLibrary.require();
        AgentWorker worker = new AgentWorker(config, factory);
        try {
            // started once for the worker's life, on AGENT_METRICS_PORT when set: every room's turn
            // timings and the load the worker reports to LiveKit
            MetricsServer.fromEnvironment(env, metrics(turns, worker));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot serve metrics on " + MetricsServer.PORT_VARIABLE + ": " + e.getMessage());
        }
        return worker.start();
    }

    /** What a worker serves on AGENT_METRICS_PORT: every room's turn timings and the load it reports to LiveKit. */
    public static Supplier<String> metrics(VoiceMetrics turns, AgentWorker worker) {
        return () -> turns.exposition() + WorkerLoadMetrics.exposition(worker);
    }

    /** The voice providers the environment selects: cloud where keys are set, offline for the rest. */
    public static Function<Map<String, String>, VoiceProviders> selectedVoice() {
        return ProviderSelection::fromEnvironment;
    }

    private static final class UnknownAgent extends IllegalArgumentException {
        UnknownAgent(String agent) {
            super("unknown agent: " + agent);
        }
    }

    private static char[] promptPassword(String email) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("no terminal to ask the password of " + email + " on");
        }
        char[] password = console.readPassword("Password for %s: ", email);
        return password == null ? new char[0] : password;
    }

    static void usage(PrintStream out) {
        out.println("""
                Usage: ./mindbot agent <agent>
                       ./mindbot agent console [--email EMAIL | --guest] [--text] [--mic NAME] [--speaker NAME] [--devices]

                Agents:
                  start   MindBot, the time-aware voice assistant: greets by balance, meters every call with the
                          time service, answers about time, time cards, this call's cost and the weather
                  echo    plays back what each participant says, half a second later (media diagnostics)
                  console MindBot in this terminal, signed in (--email, password prompted) or as a guest: typed
                          text always; a voice call too through this machine's microphone and speaker when Java Sound
                          finds them (--text: text only; --devices lists them; --mic/--speaker pick one by name)

                Runs a LiveKit agent worker: registers with LiveKit, joins the rooms it is dispatched to,
                and on SIGTERM stops taking jobs and lets running ones finish (AGENT_DRAIN_SECONDS).

                Environment (or .env):
                  LIVEKIT_URL          LiveKit server (default ws://localhost:7880)
                  LIVEKIT_API_KEY      API key (devkey in development)
                  LIVEKIT_API_SECRET   API secret (secret in development)
                  AGENT_NAME           register for explicit dispatch under this name (default: automatic)
                  AGENT_MAX_JOBS       rooms at once before reporting full (default 30)
                  AGENT_DRAIN_SECONDS  how long shutdown waits for running jobs (default 60)
                  AUTH_SERVICE_URL, TIME_SERVICE_URL, AGENT_API_KEY, GUEST_MAX_SECONDS, TIME_HEARTBEAT_SECONDS,
                  WEATHER_GEOCODING_URL, WEATHER_FORECAST_URL, OPENAI_API_KEY: MindBot (see agent/env.example)""");
    }
}
