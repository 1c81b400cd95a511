package ai.mindbot.agent.rtc;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** End-to-end stage: after {@code scripts/install-voice}, webrtc-java's native library loads. */
@Tag("e2e")
class MediaLibraryIT {

    @Test
    void loadsOnceTheVoiceIsInstalled() {
        assertThatCode(MediaLibrary::require).doesNotThrowAnyException();
    }
}
