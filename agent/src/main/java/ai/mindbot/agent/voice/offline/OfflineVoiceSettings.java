package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline voice's configuration, read from the agent's environment:
 * <ul>
 *   <li>{@code PATH}: where flite is looked for</li>
 *   <li>{@code MINDBOT_VOICE_DIR}: where the Silero model is (default {@code .peers/voice})</li>
 *   <li>{@code OFFLINE_TTS}: {@code flite} or {@code freetts} (default flite when installed)</li>
 *   <li>{@code OFFLINE_STT_MODEL_DIR}: the pocketsphinx en-us model (default Debian's)</li>
 *   <li>{@code OFFLINE_STT_DICT}: another pronouncing dictionary</li>
 *   <li>{@code OFFLINE_STT_LM}: another n-gram language model, or {@code OFFLINE_STT_GRAMMAR}: a JSGF
 *       grammar file, or {@code mindbot} for the bundled grammar of MindBot's intents</li>
 * </ul>
 */
record OfflineVoiceSettings(
        String searchPath, Path voiceDir, TtsChoice tts, Path sttModelDir, Path dictionary, String lm, String grammar) {

    enum TtsChoice {
        DEFAULT,
        FLITE,
        FREETTS
    }

    OfflineVoiceSettings {
        if (lm != null && grammar != null) {
            throw new IllegalArgumentException("set OFFLINE_STT_LM or OFFLINE_STT_GRAMMAR, not both");
        }
    }

    static OfflineVoiceSettings from(Map<String, String> env, Path workDir) {
        Settings settings = Settings.of(env);
        String tts = settings.text("OFFLINE_TTS", "").toLowerCase(Locale.ROOT);
        TtsChoice choice = switch (tts) {
            case "" -> TtsChoice.DEFAULT;
            case "flite" -> TtsChoice.FLITE;
            case "freetts" -> TtsChoice.FREETTS;
            default -> throw new IllegalArgumentException("OFFLINE_TTS must be flite or freetts, not \"" + tts + "\"");
        };
        Path modelDir = Path.of(settings.text("OFFLINE_STT_MODEL_DIR", PocketsphinxModel.DEBIAN_EN_US.toString()));
        Path dictionary = Path.of(settings.text(
                "OFFLINE_STT_DICT", modelDir.resolve("cmudict-en-us.dict").toString()));
        // only PATH is kept: the environment also holds secrets, and records print their fields
        return new OfflineVoiceSettings(
                settings.text("PATH", ""),
                OfflineVoice.voiceDir(env, workDir),
                choice,
                modelDir,
                dictionary,
                settings.text("OFFLINE_STT_LM", null),
                settings.text("OFFLINE_STT_GRAMMAR", null));
    }

    /** The files pocketsphinx will open (the bundled grammar is always there). */
    List<Path> sttFiles() {
        List<Path> files = new ArrayList<>(List.of(sttModelDir.resolve("en-us"), dictionary));
        if (grammar == null) {
            files.add(lmFile());
        } else if (!grammar.equals("mindbot")) {
            files.add(Path.of(grammar));
        }
        return files;
    }

    PocketsphinxModel sttModel() {
        if (grammar == null) {
            return new PocketsphinxModel(
                    sttModelDir.resolve("en-us"), dictionary, new PocketsphinxModel.LanguageModel.NGram(lmFile()));
        }
        Path file = grammar.equals("mindbot") ? PocketsphinxModel.mindbotGrammar() : Path.of(grammar);
        // a grammar uses a few hundred words: a decoder need not read the other 134,000
        return new PocketsphinxModel(
                sttModelDir.resolve("en-us"),
                GrammarDictionary.forGrammar(file, dictionary),
                new PocketsphinxModel.LanguageModel.Grammar(file));
    }

    String sttModelName() {
        if (grammar != null) {
            return grammar.equals("mindbot") ? "MindBot intent grammar" : "grammar " + grammar;
        }
        return lm == null ? "general language model" : "language model " + lm;
    }

    private Path lmFile() {
        return lm != null ? Path.of(lm) : sttModelDir.resolve("en-us.lm.bin");
    }
}
