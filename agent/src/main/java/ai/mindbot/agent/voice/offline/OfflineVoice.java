package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.config.Settings;
import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.Vad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline VAD, STT and TTS, built from the environment, and a one-line account of what is
 * missing when they cannot be.
 *
 * <p>Only speech recognition is indispensable: without the Silero model the agent hears with
 * {@link EnergyVad}, and without flite it speaks with {@link FreeTts} (unless {@code OFFLINE_TTS=flite}
 * asks for flite explicitly). The description says which ones are live, for the log.
 */
public record OfflineVoice(Vad vad, Stt stt, Tts tts, String description) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfflineVoice.class);

    static final String INSTALL = "run scripts/install-voice";

    /**
     * Builds the providers for {@code env} (the agent's configuration) with paths relative to
     * {@code workDir}; throws {@link Unavailable} whose message is the one line to print.
     */
    public static OfflineVoice create(Map<String, String> env, Path workDir) {
        OfflineVoiceSettings settings = OfflineVoiceSettings.from(env, workDir);
        Host host = Host.SYSTEM;
        List<String> missing = missing(settings, host);
        if (!missing.isEmpty()) {
            throw new Unavailable(oneLine(missing));
        }
        List<String> parts = new ArrayList<>();
        Vad vad = vad(settings, parts);
        Stt stt = new PocketsphinxStt(settings.sttModel());
        parts.add("STT pocketsphinx en-us (" + settings.sttModelName() + ")");
        Tts tts;
        Optional<Path> flite = host.executable("flite", settings.searchPath());
        if (settings.tts() == OfflineVoiceSettings.TtsChoice.FREETTS || flite.isEmpty()) {
            tts = new FreeTts();
            parts.add("TTS FreeTTS kevin16"
                    + (flite.isEmpty() && settings.tts() != OfflineVoiceSettings.TtsChoice.FREETTS
                            ? " (flite not installed: " + INSTALL + " for a better voice)"
                            : ""));
        } else {
            tts = new FliteTts(flite.get(), "slt");
            parts.add("TTS flite slt");
        }
        return new OfflineVoice(vad, stt, tts, "offline voice: " + String.join(", ", parts));
    }

    /**
     * Only the voice detector (Silero when its model is installed, else the energy detector), for a
     * set-up whose recognition and speech are both cloud providers.
     */
    public static Vad detector(Map<String, String> env, Path workDir) {
        List<String> parts = new ArrayList<>();
        Vad vad = vad(OfflineVoiceSettings.from(env, workDir), parts);
        log.info("offline voice: {}", parts.get(0));
        return vad;
    }

    /** The one line saying what this machine lacks for {@code env}, or empty when nothing is. */
    public static Optional<String> missing(Map<String, String> env, Path workDir) {
        List<String> missing = missing(OfflineVoiceSettings.from(env, workDir), Host.SYSTEM);
        return missing.isEmpty() ? Optional.empty() : Optional.of(oneLine(missing));
    }

    static List<String> missing(OfflineVoiceSettings settings, Host host) {
        List<String> missing = new ArrayList<>();
        if (!host.loads(Sphinx.POCKETSPHINX_SONAME)
                || !host.exists(settings.sttModelDir().resolve("en-us"))) {
            missing.add("offline speech recognition needs libpocketsphinx3 and pocketsphinx-en-us");
        } else {
            for (Path file : settings.sttFiles()) {
                if (!host.exists(file)) {
                    missing.add("offline speech recognition has no " + file);
                }
            }
        }
        if (settings.tts() == OfflineVoiceSettings.TtsChoice.FLITE
                && host.executable("flite", settings.searchPath()).isEmpty()) {
            missing.add("OFFLINE_TTS=flite needs flite");
        }
        return missing;
    }

    static String oneLine(List<String> missing) {
        return String.join("; ", missing) + ": " + INSTALL;
    }

    private static Vad vad(OfflineVoiceSettings settings, List<String> parts) {
        Path model = settings.voiceDir().resolve(SileroVad.MODEL_FILE);
        if (Files.isRegularFile(model)) {
            try {
                SileroVad silero = SileroVad.load(model);
                parts.add("VAD Silero");
                return silero;
            } catch (RuntimeException | LinkageError e) {
                log.warn("Silero VAD did not load ({}); hearing with the energy detector", e.getMessage());
                parts.add("VAD energy (Silero failed to load)");
                return new EnergyVad();
            }
        }
        parts.add("VAD energy (no Silero model in " + settings.voiceDir() + ": " + INSTALL + ")");
        return new EnergyVad();
    }

    /** {@code MINDBOT_VOICE_DIR}, else {@code <workDir>/.peers/voice} where scripts/install-voice puts the model. */
    static Path voiceDir(Map<String, String> env, Path workDir) {
        return Settings.of(env)
                .text("MINDBOT_VOICE_DIR")
                .map(Path::of)
                .orElseGet(() -> workDir.resolve(".peers/voice"));
    }

    static Optional<Path> onPath(String name, String searchPath) {
        return Stream.of(searchPath.split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @Override
    public void close() {
        for (Object provider : List.of(vad, stt, tts)) {
            if (provider instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("closing {} failed", provider, e);
                }
            }
        }
    }

    /** The machine cannot run the offline voice; the message is one line saying what to install. */
    public static final class Unavailable extends IllegalStateException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** What the checks ask of the machine, so tests can pose as a machine without pocketsphinx. */
    interface Host {
        boolean loads(String soname);

        boolean exists(Path path);

        /** {@code name} in the directories of {@code searchPath} (a PATH value). */
        Optional<Path> executable(String name, String searchPath);

        Host SYSTEM = new Host() {
            @Override
            public boolean loads(String soname) {
                return Sphinx.available();
            }

            @Override
            public boolean exists(Path path) {
                return Files.exists(path);
            }

            @Override
            public Optional<Path> executable(String name, String searchPath) {
                return onPath(name, searchPath);
            }
        };
    }
}
