package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.e2e.Peers;
import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** OfflineVoice on a machine where scripts/install-voice ran: everything live, nothing missing. */
@Tag("e2e")
class OfflineVoiceIT {

    @Test
    void buildsSileroPocketsphinxAndFliteWhenInstalled() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent(
                "MINDBOT_VOICE_DIR", VoicePeers.sileroModel().getParent().toString());
        assertThat(OfflineVoice.missing(env, Peers.repoRoot())).isEmpty();
        try (OfflineVoice voice = OfflineVoice.create(env, Peers.repoRoot())) {
            assertThat(voice.vad()).isInstanceOf(SileroVad.class);
            assertThat(voice.stt()).isInstanceOf(PocketsphinxStt.class);
            assertThat(voice.tts()).isInstanceOf(FliteTts.class);
            assertThat(voice.description())
                    .isEqualTo(
                            "offline voice: VAD Silero, STT pocketsphinx en-us (general language model), TTS flite slt");
            assertThat(Speech.say(voice.tts(), "Hello.")).isNotEmpty();
        }
    }

    @Test
    void listensWithTheIntentGrammarWhenConfigured() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("OFFLINE_STT_GRAMMAR", "mindbot");
        try (OfflineVoice voice = OfflineVoice.create(env, Peers.repoRoot())) {
            assertThat(voice.description()).contains("STT pocketsphinx en-us (MindBot intent grammar)");
            short[] question = Speech.throughTheRoom(Speech.say(voice.tts(), "What's the weather in Berlin?"));
            List<SttEvent> events = new CopyOnWriteArrayList<>();
            try (Stt.SttStream stream = voice.stt().stream(events::add)) {
                PocketsphinxSttIT.pushLikeARoom(
                        stream, Speech.concat(Speech.silence(0.2), question, Speech.silence(0.2)));
                stream.flush();
                assertThat(PocketsphinxSttIT.awaitEnd(events)).isEqualTo("what's the weather in berlin");
            }
        }
    }

    @Test
    void fallsBackToEnergyVadAndFreeTtsWhenAsked() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MINDBOT_VOICE_DIR", "/nonexistent/voice");
        env.put("OFFLINE_TTS", "freetts");
        try (OfflineVoice voice = OfflineVoice.create(env, Peers.repoRoot())) {
            assertThat(voice.vad()).isInstanceOf(EnergyVad.class);
            assertThat(voice.tts()).isInstanceOf(FreeTts.class);
            assertThat(voice.description())
                    .contains("VAD energy (no Silero model in /nonexistent/voice: run scripts/install-voice)");
        }
    }
}
