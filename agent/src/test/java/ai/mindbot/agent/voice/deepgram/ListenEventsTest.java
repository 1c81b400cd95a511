package ai.mindbot.agent.voice.deepgram;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.fakes.DeepgramMessages;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ListenEventsTest {

    private final ListenEvents reader = new ListenEvents();

    private List<SttEvent> read(String json) {
        return reader.read(JsonMapper.builder().build().readTree(json));
    }

    @Test
    void aSecondSpeechStartedInsideAnUtteranceIsNotASecondStart() {
        assertThat(read(DeepgramMessages.speechStarted(0.1))).containsExactly(new SttEvent.StartOfSpeech());
        assertThat(read(DeepgramMessages.speechStarted(0.6))).isEmpty();
    }

    @Test
    void silenceWithEndpointingOutsideAnUtteranceSaysNothing() {
        assertThat(read(DeepgramMessages.results("", true, true, 0, 1))).isEmpty();
        assertThat(read(DeepgramMessages.utteranceEnd(1.0))).isEmpty();
    }

    @Test
    void aFinalWithSpeechFinalIsTheWholeUtteranceInOneMessage() {
        assertThat(read(DeepgramMessages.results("Add ten minutes.", true, true, 0, 1.2)))
                .containsExactly(
                        new SttEvent.StartOfSpeech(),
                        new SttEvent.Final("Add ten minutes.", 0.98),
                        new SttEvent.EndOfSpeech());
    }

    @Test
    void metadataAndUnknownMessagesAreIgnored() {
        assertThat(read(DeepgramMessages.metadata(3.0))).isEmpty();
        assertThat(read("{\"type\":\"SomethingNew\",\"x\":1}")).isEmpty();
    }
}
