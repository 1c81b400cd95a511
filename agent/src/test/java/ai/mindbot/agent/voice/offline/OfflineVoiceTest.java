package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfflineVoiceTest {

    private static final Path WORK = Path.of("/srv/mindbot");
    private static final Path MODEL = PocketsphinxModel.DEBIAN_EN_US;

    @Test
    void saysInOneLineThatRecognitionNeedsPocketsphinx() {
        var settings = OfflineVoiceSettings.from(Map.of(), WORK);
        var missing = OfflineVoice.missing(settings, machine(false, Set.of(), false));
        assertThat(OfflineVoice.oneLine(missing))
                .isEqualTo(
                        "offline speech recognition needs libpocketsphinx3 and pocketsphinx-en-us: run scripts/install-voice");
    }

    @Test
    void needsNothingMoreWhenPocketsphinxAndItsModelAreInstalled() {
        var settings = OfflineVoiceSettings.from(Map.of(), WORK);
        assertThat(OfflineVoice.missing(
                        settings,
                        machine(
                                true,
                                Set.of(
                                        MODEL.resolve("en-us"),
                                        MODEL.resolve("cmudict-en-us.dict"),
                                        MODEL.resolve("en-us.lm.bin")),
                                false)))
                .isEmpty();
    }

    @Test
    void fliteAskedForByNameMustBeThere() {
        var settings = OfflineVoiceSettings.from(Map.of("OFFLINE_TTS", "flite"), WORK);
        var missing = OfflineVoice.missing(settings, machine(false, Set.of(), false));
        assertThat(OfflineVoice.oneLine(missing))
                .isEqualTo("offline speech recognition needs libpocketsphinx3 and "
                        + "pocketsphinx-en-us; OFFLINE_TTS=flite needs flite: run scripts/install-voice")
                .doesNotContain("\n");
    }

    @Test
    void namesAConfiguredLanguageModelThatIsNotThere() {
        var settings = OfflineVoiceSettings.from(Map.of("OFFLINE_STT_LM", "/models/mindbot.lm"), WORK);
        var missing = OfflineVoice.missing(
                settings, machine(true, Set.of(MODEL.resolve("en-us"), MODEL.resolve("cmudict-en-us.dict")), true));
        assertThat(missing).containsExactly("offline speech recognition has no /models/mindbot.lm");
    }

    @Test
    void theBundledGrammarNeedsNoFile() {
        var settings = OfflineVoiceSettings.from(Map.of("OFFLINE_STT_GRAMMAR", "mindbot"), WORK);
        assertThat(OfflineVoice.missing(
                        settings,
                        machine(true, Set.of(MODEL.resolve("en-us"), MODEL.resolve("cmudict-en-us.dict")), true)))
                .isEmpty();
        assertThat(settings.sttModelName()).isEqualTo("MindBot intent grammar");
    }

    @Test
    void readsTheVoiceDirectoryFromTheEnvironment() {
        assertThat(OfflineVoiceSettings.from(Map.of(), WORK).voiceDir()).isEqualTo(WORK.resolve(".peers/voice"));
        assertThat(OfflineVoiceSettings.from(Map.of("MINDBOT_VOICE_DIR", "/var/lib/voice"), WORK)
                        .voiceDir())
                .isEqualTo(Path.of("/var/lib/voice"));
    }

    @Test
    void refusesAnUnknownVoiceOrTwoLanguageModels() {
        assertThatThrownBy(() -> OfflineVoiceSettings.from(Map.of("OFFLINE_TTS", "espeak"), WORK))
                .hasMessageContaining("OFFLINE_TTS must be flite or freetts");
        assertThatThrownBy(() -> OfflineVoiceSettings.from(
                        Map.of("OFFLINE_STT_LM", "a.lm", "OFFLINE_STT_GRAMMAR", "b.gram"), WORK))
                .hasMessageContaining("not both");
    }

    /** A machine with or without the pocketsphinx library, these files, and flite. */
    private static OfflineVoice.Host machine(boolean pocketsphinx, Set<Path> files, boolean flite) {
        return new OfflineVoice.Host() {
            @Override
            public boolean loads(String soname) {
                return pocketsphinx;
            }

            @Override
            public boolean exists(Path path) {
                return files.contains(path);
            }

            @Override
            public Optional<Path> executable(String name, String searchPath) {
                return flite && name.equals("flite") ? Optional.of(Path.of("/usr/bin/flite")) : Optional.empty();
            }
        };
    }
}
