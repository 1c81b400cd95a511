package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.e2e.Peers;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds what scripts/install-voice installs, for the e2e tests (in the checkout {@link Peers} finds).
 * A missing piece fails the test with the command that installs it: end-to-end tests never skip.
 */
final class VoicePeers {

    private VoicePeers() {}

    static Path sileroModel() {
        Path model = OfflineVoice.voiceDir(System.getenv(), Peers.repoRoot()).resolve(SileroVad.MODEL_FILE);
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
        return new FliteTts(
                OfflineVoice.onPath("flite", System.getenv().getOrDefault("PATH", ""))
                        .orElseThrow(() -> new AssertionError("flite is not installed: run scripts/install-voice")),
                "slt");
    }

    private static void requirePocketsphinx() {
        if (!Sphinx.available() || !Files.isDirectory(PocketsphinxModel.DEBIAN_EN_US)) {
            throw new AssertionError("pocketsphinx is not installed: run scripts/install-voice");
        }
    }
}
