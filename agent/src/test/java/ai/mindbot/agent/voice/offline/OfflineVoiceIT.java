package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** OfflineVoice on a machine where scripts/install-voice ran: everything live, nothing missing. */
@Tag("e2e")
class OfflineVoiceIT {

    @Test
    void buildsSileroPocketsphinxAndFliteWhenInstalled() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("MINDBOT_VOICE_DIR", VoicePeers.sileroModel().getParent().toString());
        assertThat(OfflineVoice.missing(env, VoicePeers.repoRoot())).isEmpty();
        try (OfflineVoice voice = OfflineVoice.create(env, VoicePeers.repoRoot())) {
            assertThat(voice.vad()).isInstanceOf(SileroVad.class);
            assertThat(voice.stt()).isInstanceOf(PocketsphinxStt.class);
            assertThat(voice.tts()).isInstanceOf(FliteTts.class);
            assertThat(voice.description()).isEqualTo(
                    "offline voice: VAD Silero, STT pocketsphinx en-us (general language model), TTS flite slt");
            assertThat(Speech.say(voice.tts(), "Hello.")).isNotEmpty();
        }
    }

    @Test
    void fallsBackToEnergyVadAndFreeTtsWhenAsked() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MINDBOT_VOICE_DIR", "/nonexistent/voice");
        env.put("OFFLINE_TTS", "freetts");
        try (OfflineVoice voice = OfflineVoice.create(env, VoicePeers.repoRoot())) {
            assertThat(voice.vad()).isInstanceOf(EnergyVad.class);
            assertThat(voice.tts()).isInstanceOf(FreeTts.class);
            assertThat(voice.description()).contains("VAD energy (no Silero model in /nonexistent/voice: run scripts/install-voice)");
        }
    }
}
