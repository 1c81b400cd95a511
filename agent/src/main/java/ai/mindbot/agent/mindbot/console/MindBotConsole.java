package ai.mindbot.agent.mindbot.console;

import ai.mindbot.agent.local.JavaSound;
import ai.mindbot.agent.local.SoundCard;
import ai.mindbot.agent.mindbot.MindBotSettings;
import ai.mindbot.agent.mindbot.brain.OfflineBrain;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.services.JsonHttp;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.providers.ProviderSelection;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ./mindbot agent console [--email EMAIL | --guest] [--text] [--mic NAME] [--speaker NAME] [--devices]}:
 * MindBot in the terminal, as a signed-in user (billed like a call) or a guest. Text always: lines
 * typed are answered. When the machine has a microphone and a speaker (and {@code --text} is not
 * given) the console is also a voice call: the same MindBot agent, voice engine and providers as in
 * a LiveKit room, heard and spoken through them, with captions of both sides printed; without them
 * it says why in one line and talks in text.
 */
public final class MindBotConsole {

    private MindBotConsole() {}

    /** This machine's sound devices and the voice providers the environment selects. */
    public static int run(
            String[] args,
            Map<String, String> env,
            InputStream in,
            PrintStream out,
            Function<String, char[]> password) {
        return run(args, env, in, out, password, ProviderSelection::fromEnvironment, new JavaSound());
    }

    /**
     * Returns the exit code.
     *
     * @param password  prompts for the password of the email given
     * @param voice     builds the voice providers (VAD, STT, TTS; MindBot's offline brain without a cloud model)
     * @param soundCard where the microphone and speaker come from
     */
    public static int run(
            String[] args,
            Map<String, String> env,
            InputStream in,
            PrintStream out,
            Function<String, char[]> password,
            Function<Map<String, String>, VoiceProviders> voice,
            SoundCard soundCard) {
        ConsoleOptions options;
        try {
            options = ConsoleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        if (options.listDevices()) {
            List<String> devices = soundCard.describe();
            out.println(
                    devices.isEmpty()
                            ? "Java Sound sees no microphone or speaker on this machine."
                            : String.join("\n", devices));
            return 0;
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
            caller = options.email() == null
                    ? ConsoleSignIn.guest()
                    : ConsoleSignIn.user(
                            JsonHttp.withDefaults(),
                            settings.authServiceUrl(),
                            options.email(),
                            password.apply(options.email()));
        } catch (RuntimeException e) {
            out.println("agent console: " + e.getMessage());
            return 1;
        }
        Keyboard keyboard = Keyboard.reading(in);
        Optional<VoiceConsole.Voice> spoken =
                options.textOnly() ? Optional.empty() : VoiceConsole.prepare(options, env, voice, soundCard, out);
        if (spoken.isPresent()) {
            return VoiceConsole.talk(settings.services(), caller, spoken.get(), keyboard, out);
        }
        return TextConsole.talk(settings.services(), caller, new OfflineBrain(), keyboard, out);
    }
}
