package ai.mindbot.agent.local;

import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.Pcm;
import ai.mindbot.agent.rtc.MediaLibrary;
import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig;

/**
 * libwebrtc's audio processing (AEC3 echo cancellation, a high-pass filter and noise suppression,
 * as a browser applies to a call and LiveKit's Python console does): what the speaker plays is
 * taken out of what the microphone hears, so on a laptop without headphones the agent does not take
 * its own voice for the person talking over it. AEC3 finds the speaker-to-microphone delay itself.
 *
 * <p>{@link #played} runs on the speaker's thread and {@link #heard} on the microphone's, as
 * libwebrtc's render and capture sides do; {@link #close} only after both have stopped.
 */
public final class EchoCanceller implements AutoCloseable {

    private static final AudioProcessingStreamConfig STREAM =
            new AudioProcessingStreamConfig(AudioFrame.SAMPLE_RATE, 1);

    private final AudioProcessing processing;
    private final byte[] renderIn = new byte[Microphone.FRAME * 2];
    private final byte[] renderOut = new byte[Microphone.FRAME * 2];
    private final byte[] captureIn = new byte[Microphone.FRAME * 2];
    private final byte[] captureOut = new byte[Microphone.FRAME * 2];

    private EchoCanceller(AudioProcessing processing) {
        this.processing = processing;
    }

    /** @throws MediaLibrary.Missing when webrtc-java's native library cannot load here, naming what to install */
    public static EchoCanceller create() {
        MediaLibrary.require();
        AudioProcessing processing = new AudioProcessing();
        AudioProcessingConfig config = new AudioProcessingConfig();
        config.echoCanceller.enabled = true;
        config.highPassFilter.enabled = true;
        config.noiseSuppression.enabled = true;
        config.noiseSuppression.level = AudioProcessingConfig.NoiseSuppression.Level.MODERATE;
        processing.applyConfig(config);
        return new EchoCanceller(processing);
    }

    /** The 10 ms the speaker is about to play. Speaker thread. */
    public void played(short[] frame) {
        Pcm.toLittleEndian(frame, renderIn);
        processing.processReverseStream(renderIn, STREAM, STREAM, renderOut);
    }

    /** The microphone's 10 ms with the speaker's echo taken out. Microphone thread. */
    public short[] heard(short[] frame) {
        Pcm.toLittleEndian(frame, captureIn);
        processing.processStream(captureIn, STREAM, STREAM, captureOut);
        return Pcm.fromLittleEndian(captureOut, Microphone.FRAME);
    }

    @Override
    public void close() {
        processing.dispose();
    }
}
