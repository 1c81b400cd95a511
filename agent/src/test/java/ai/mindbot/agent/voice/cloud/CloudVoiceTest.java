package ai.mindbot.agent.voice.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.agent.voice.deepgram.DeepgramStt;
import ai.mindbot.agent.voice.deepgram.DeepgramTts;
import ai.mindbot.agent.voice.openai.OpenAiLlm;
import ai.mindbot.agent.voice.openai.OpenAiTts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudVoiceTest {

    private static final String OPENAI = "sk-secret-openai";
    private static final String DEEPGRAM = "dg-secret-deepgram";

    @Test
    void withoutKeysEveryPartIsLeftToTheOfflineProviders() {
        CloudVoice voice = CloudVoice.from(Map.of());

        assertThat(voice.stt()).isEmpty();
        assertThat(voice.llm()).isEmpty();
        assertThat(voice.tts()).isEmpty();
        assertThat(voice.describe()).contains("offline STT", "offline LLM", "offline TTS");
    }

    @Test
    void aDeepgramKeyAloneGivesDeepgramListeningAndSpeaking() {
        CloudVoice voice = CloudVoice.from(Map.of("DEEPGRAM_API_KEY", DEEPGRAM));

        assertThat(voice.stt()).containsInstanceOf(DeepgramStt.class);
        assertThat(voice.tts()).containsInstanceOf(DeepgramTts.class);
        assertThat(voice.llm()).isEmpty();
    }

    @Test
    void bothKeysSpeakWithOpenAiUnlessTtsProviderSaysDeepgram() {
        Map<String, String> both = Map.of("DEEPGRAM_API_KEY", DEEPGRAM, "OPENAI_API_KEY", OPENAI);
        assertThat(CloudVoice.from(both).tts()).containsInstanceOf(OpenAiTts.class);
        assertThat(CloudVoice.from(both).llm()).containsInstanceOf(OpenAiLlm.class);

        CloudVoice deepgramVoice = CloudVoice.from(
                Map.of("DEEPGRAM_API_KEY", DEEPGRAM, "OPENAI_API_KEY", OPENAI, "TTS_PROVIDER", "Deepgram"));
        assertThat(deepgramVoice.tts()).containsInstanceOf(DeepgramTts.class);
    }

    @Test
    void offlineSpeechCanBeChosenWhileTheModelStaysInTheCloud() {
        CloudVoice voice = CloudVoice.from(Map.of("OPENAI_API_KEY", OPENAI, "TTS_PROVIDER", "offline"));

        assertThat(voice.llm()).isPresent();
        assertThat(voice.tts()).isEmpty();
    }

    @Test
    void aTtsProviderWithoutItsKeyOrMisspelledStopsTheStart() {
        assertThatThrownBy(() -> CloudVoice.from(Map.of("OPENAI_API_KEY", OPENAI, "TTS_PROVIDER", "deepgram")))
                .hasMessageContaining("DEEPGRAM_API_KEY");
        assertThatThrownBy(() -> CloudVoice.from(Map.of("TTS_PROVIDER", "eleven")))
                .hasMessageContaining("openai, deepgram or offline");
    }

    @Test
    void theLogLineNamesProvidersAndModelsButNeverAKey() {
        CloudVoice voice = CloudVoice.from(
                Map.of("DEEPGRAM_API_KEY", DEEPGRAM, "OPENAI_API_KEY", OPENAI, "OPENAI_MODEL", "gpt-4.1-mini"));

        assertThat(voice.describe())
                .isEqualTo("Deepgram STT nova-3, OpenAI LLM gpt-4.1-mini, OpenAI TTS gpt-4o-mini-tts/ash")
                .doesNotContain(OPENAI)
                .doesNotContain(DEEPGRAM);
    }
}
