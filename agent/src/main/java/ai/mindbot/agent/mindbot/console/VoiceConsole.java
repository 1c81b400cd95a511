package ai.mindbot.agent.mindbot.console;

import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.local.EchoCanceller;
import ai.mindbot.agent.local.LocalAudio;
import ai.mindbot.agent.local.LocalRoom;
import ai.mindbot.agent.local.SoundCard;
import ai.mindbot.agent.mindbot.MindBotAgent;
import ai.mindbot.agent.mindbot.MindBotFactory;
import ai.mindbot.agent.mindbot.MindBotServices;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.rtc.MediaLibrary;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The console as a voice call: {@link MindBotAgent}, exactly as in a LiveKit room, in a
 * {@link LocalRoom} whose one participant is the console's user, heard through the microphone and
 * answered on the speaker ({@link LocalAudio}). Lines typed go to the agent as {@code lk.chat}
 * messages, so they are answered aloud too; captions of both sides are printed.
 */
final class VoiceConsole {

    /** What a voice console needs; {@link #talk} closes it. */
    record Voice(SoundCard.Devices devices, EchoCanceller echo, VoiceProviders providers) {}

    private VoiceConsole() {}

    /**
     * Opens the devices and builds the voice, or says in one line why not and returns empty (the
     * console then talks in text).
     */
    static Optional<Voice> prepare(
            ConsoleOptions options,
            Map<String, String> env,
            Function<Map<String, String>, VoiceProviders> voice,
            SoundCard soundCard,
            PrintStream out) {
        SoundCard.Devices devices;
        try {
            devices = soundCard.open(options.microphone(), options.speaker());
        } catch (SoundCard.Unavailable e) {
            out.println("agent console: " + e.getMessage() + "; talking in text only");
            return Optional.empty();
        }
        EchoCanceller echo = null;
        try {
            // the voice first: what is missing for it is what the person came for, and its check
            // does not depend on the media library being installed
            VoiceProviders providers = MindBotFactory.withBrain(voice.apply(env), env);
            echo = EchoCanceller.create();
            return Optional.of(new Voice(devices, echo, providers));
        } catch (MediaLibrary.Missing | OfflineVoice.Unavailable | IllegalArgumentException e) {
            devices.close();
            if (echo != null) {
                echo.close();
            }
            out.println("agent console: no voice (" + e.getMessage() + "); talking in text only");
            return Optional.empty();
        }
    }

    static int talk(MindBotServices services, Caller caller, Voice voice, Keyboard keyboard, PrintStream out) {
        Participant person = new Participant(
                "PA_console",
                caller.identity(),
                caller.firstName(),
                "",
                caller.email().isEmpty() ? Map.of() : Map.of(Caller.EMAIL_ATTRIBUTE, caller.email()),
                Participant.Kind.STANDARD);
        MindBotAgent agent = new MindBotAgent(services, voice.providers());
        try (ConsoleJobThread job = new ConsoleJobThread()) {
            LocalRoom room =
                    new LocalRoom("mindbot-console-" + caller.identity(), person, "MindBot", job, out::println, () -> {
                        out.println("(the call is over)");
                        keyboard.end();
                    });
            try (LocalAudio audio = new LocalAudio(
                    voice.devices(),
                    voice.echo(),
                    room.mixer(),
                    frame -> job.execute(() -> agent.onAudio(person, frame)),
                    trouble -> out.println("agent console: " + trouble))) {
                out.println("MindBot console (" + (caller.isGuest() ? "guest" : "signed in as user " + caller.userId())
                        + "), listening on " + voice.devices().microphone().name() + ", speaking on "
                        + voice.devices().speaker().name() + ". Talk or type; /quit or Ctrl-D leaves.");
                job.runAndWait(() -> {
                    agent.onJobStart(room);
                    agent.onParticipantJoined(person);
                });
                audio.start();
                for (String line = keyboard.next(); line != null; line = keyboard.next()) {
                    String typed = line;
                    job.execute(() -> agent.onText(person, Room.TOPIC_CHAT, typed));
                }
                job.runAndWait(() -> agent.onParticipantLeft(person));
                agent.ending().get(10, TimeUnit.SECONDS);
            }
            return 0;
        } catch (Exception e) {
            out.println("agent console: " + e);
            return 1;
        }
    }
}
