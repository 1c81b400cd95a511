package ai.mindbot.agent.mindbot.console;

import ai.mindbot.agent.mindbot.MindBotServices;
import ai.mindbot.agent.mindbot.Persona;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.metering.EndCause;
import ai.mindbot.agent.mindbot.metering.TimeKeeper;
import ai.mindbot.agent.mindbot.metering.TimeListener;
import ai.mindbot.agent.mindbot.speech.Lines;
import ai.mindbot.agent.mindbot.tools.MindBotTools;
import ai.mindbot.agent.voice.Llm;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The console in text: lines typed are user turns, answered by the model and MindBot's tools without
 * the voice engine; what MindBot says (answers, greetings, time warnings) is printed. The time is
 * metered exactly as in a voice call, and the console ends when it runs out.
 */
final class TextConsole {

    private TextConsole() {}

    static int talk(MindBotServices services, Caller caller, Llm llm, Keyboard keyboard, PrintStream out) {
        TextTurns turns = new TextTurns(
                llm, Persona.instructions(caller, services.rules().guestMax().toSeconds()));
        try (ConsoleJobThread job = new ConsoleJobThread()) {
            TimeKeeper keeper =
                    new TimeKeeper(job, services.time(), services.rules(), new Printer(caller, turns, out, keyboard));
            turns.setTools(MindBotTools.forCall(keeper, services.time(), services.weather()));
            out.println("MindBot console (" + (caller.isGuest() ? "guest" : "signed in as user " + caller.userId())
                    + "). Type to talk; /quit or Ctrl-D leaves.");
            job.execute(() -> keeper.begin(caller, "mindbot-console-" + caller.identity()));
            for (String line = keyboard.next(); line != null; line = keyboard.next()) {
                out.println("MindBot: " + turns.answer(line));
            }
            job.runAndWait(keeper::stop);
            keeper.ending().get(10, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            out.println("agent console: " + e);
            return 1;
        }
    }

    /** The time keeper's events as printed lines; the end of time ends the console. */
    private static final class Printer implements TimeListener {

        private final Caller caller;
        private final TextTurns turns;
        private final PrintStream out;
        private final Keyboard keyboard;

        Printer(Caller caller, TextTurns turns, PrintStream out, Keyboard keyboard) {
            this.caller = caller;
            this.turns = turns;
            this.out = out;
            this.keyboard = keyboard;
        }

        private void say(String text) {
            turns.agentSaid(text);
            out.println("MindBot: " + text);
        }

        @Override
        public void started(Caller who, long seconds, boolean lowBalance) {
            say(
                    who.isGuest()
                            ? Lines.guestGreeting(seconds)
                            : lowBalance
                                    ? Lines.lowBalanceGreeting(who.firstName(), seconds)
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
            out.println("(the call is over: "
                    + cause.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            keyboard.end();
        }
    }
}
