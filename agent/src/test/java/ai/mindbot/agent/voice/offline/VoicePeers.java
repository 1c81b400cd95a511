package ai.mindbot.agent.voice.offline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds what scripts/install-voice installs, for the e2e tests. A missing piece fails the test with
 * the command that installs it: end-to-end tests never skip.
 */
final class VoicePeers {

    private VoicePeers() {
    }

    static Path sileroModel() {
        Path model = OfflineVoice.voiceDir(System.getenv(), repoRoot()).resolve(SileroVad.MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            throw new AssertionError("no Silero VAD model at " + model + ": run scripts/install-voice");
        }
        return model;
    }

    static PocketsphinxModel generalModel() {
        requirePocketsphinx();
        return PocketsphinxModel.general(PocketsphinxModel.DEBIAN_EN_US);
    }

    static PocketsphinxModel intentGrammar() {
        requirePocketsphinx();
        return PocketsphinxModel.mindbotIntents(PocketsphinxModel.DEBIAN_EN_US);
    }

    static FliteTts flite() {
        return new FliteTts(OfflineVoice.onPath("flite", System.getenv().getOrDefault("PATH", ""))
                .orElseThrow(() -> new AssertionError("flite is not installed: run scripts/install-voice")), "slt");
    }

    private static void requirePocketsphinx() {
        if (!Sphinx.available() || !Files.isDirectory(PocketsphinxModel.DEBIAN_EN_US)) {
            throw new AssertionError("pocketsphinx is not installed: run scripts/install-voice");
        }
    }

    static Path repoRoot() {
        String configured = System.getProperty("mindbot.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scripts")) && Files.isRegularFile(dir.resolve("mindbot"))) {
                return dir;
            }
        }
        throw new AssertionError("cannot find the repository root from " + start);
    }
}
