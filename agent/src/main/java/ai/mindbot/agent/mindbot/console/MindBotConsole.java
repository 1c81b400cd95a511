package ai.mindbot.agent.mindbot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import ai.mindbot.agent.mindbot.MindBotServices;
import ai.mindbot.agent.mindbot.MindBotSettings;
import ai.mindbot.agent.mindbot.Persona;
import ai.mindbot.agent.mindbot.brain.OfflineBrain;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.metering.EndCause;
import ai.mindbot.agent.mindbot.metering.TimeKeeper;
import ai.mindbot.agent.mindbot.metering.TimeListener;
import ai.mindbot.agent.mindbot.services.JsonHttp;
import ai.mindbot.agent.mindbot.speech.Lines;
import ai.mindbot.agent.mindbot.tools.MindBotTools;
import ai.mindbot.agent.voice.Llm;

/**
 * {@code ./mindbot agent console [--email EMAIL | --guest]}: MindBot in the terminal. Lines typed are
 * user turns; what MindBot says (answers, greetings, time warnings) is printed. A signed-in user's
 * time is metered and billed like a voice call, and the console ends when it runs out.
 */
public final class MindBotConsole {

    private static final String END = "\u0000end";

    private MindBotConsole() {
    }

    /** Returns the exit code. {@code password} prompts for the password of the email given. */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out,
            Function<String, char[]> password) {
        String email = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--email") && i + 1 < args.length) {
                email = args[++i];
            } else if (!args[i].equals("--guest")) {
                out.println("usage: ./mindbot agent console [--email EMAIL | --guest]");
                return 2;
            }
        }
        MindBotSettings settings;
        try {
            settings = MindBotSettings.from(env);
        } catch (IllegalArgumentException e) {
            out.println("agent console: " + e.getMessage());
            return 2;
        }
        Caller caller;
        try {
            caller = email == null ? ConsoleSignIn.guest()
                    : ConsoleSignIn.user(JsonHttp.withDefaults(), settings.authServiceUrl(), email, password.apply(email));
        } catch (RuntimeException e) {
            out.println("agent console: " + e.getMessage());
            return 1;
        }
        return talk(settings.services(), caller, new OfflineBrain(), in, out);
    }

    static int talk(MindBotServices services, Caller caller, Llm llm, InputStream in, PrintStream out) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        TextTurns turns = new TextTurns(llm, Persona.instructions(caller, services.rules().guestMax().toSeconds()));
        try (ConsoleJobThread job = new ConsoleJobThread()) {
            TimeKeeper keeper = new TimeKeeper(job, services.time(), services.rules(), new Printer(caller, turns, out, lines));
            turns.setTools(MindBotTools.forCall(keeper, services.time(), services.weather()));
            out.println("MindBot console (" + (caller.isGuest() ? "guest" : "signed in as user " + caller.userId())
                    + "). Type to talk; /quit or Ctrl-D leaves.");
            job.execute(() -> keeper.begin(caller, "mindbot-console-" + caller.identity()));
            readInto(in, lines);
            while (true) {
                String line = lines.take();
                if (line.equals(END) || line.strip().equals("/quit")) {
                    break;
                }
                if (!line.isBlank()) {
                    out.println("MindBot: " + turns.answer(line.strip()));
                }
            }
            job.runAndWait(keeper::stop);
            keeper.ending().get(10, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            out.println("agent console: " + e);
            return 1;
        }
    }

    private static void readInto(InputStream in, LinkedBlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // stdin closed: leave as on Ctrl-D
            }
            lines.add(END);
        }, "mindbot-console-input");
        reader.setDaemon(true);
        reader.start();
    }

    /** The time keeper's events as printed lines; the end of time ends the console. */
    private static final class Printer implements TimeListener {

        private final Caller caller;
        private final TextTurns turns;
        private final PrintStream out;
        private final LinkedBlockingQueue<String> lines;

        Printer(Caller caller, TextTurns turns, PrintStream out, LinkedBlockingQueue<String> lines) {
            this.caller = caller;
            this.turns = turns;
            this.out = out;
            this.lines = lines;
        }

        private void say(String text) {
            turns.agentSaid(text);
            out.println("MindBot: " + text);
        }

        @Override
        public void started(Caller who, long seconds, boolean lowBalance) {
            say(who.isGuest() ? Lines.guestGreeting(seconds) : lowBalance ? Lines.lowBalanceGreeting(who.firstName(), seconds)
                    : Lines.greeting(who.firstName(), seconds));
        }

        @Override
        public void refused(long availableSeconds, long minimumSeconds) {
            say(Lines.notEnoughTime(caller.firstName(), availableSeconds, minimumSeconds));
        }

        @Override
        public void finalMinute(long secondsLeft) {
            say(caller.isGuest() ? Lines.guestFinalMinute(secondsLeft) : Lines.finalMinute(secondsLeft));
        }

        @Override
        public void lowBalance(long secondsLeft) {
            say(Lines.lowBalance(secondsLeft));
        }

        @Override
        public void toppedUp(long secondsLeft) {
            say(Lines.toppedUp(secondsLeft));
        }

        @Override
        public void unreachable() {
            say(Lines.timeServiceUnreachable());
        }

        @Override
        public void reconnected(long balanceSeconds) {
            say(Lines.timeServiceBack(balanceSeconds));
        }

        @Override
        public void goodbye(EndCause cause) {
            say(Lines.goodbye(cause, caller.firstName()));
        }

        @Override
        public void timeUp(EndCause cause) {
            out.println("(the call is over: " + cause.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
            lines.add(END);
        }
    }
}
