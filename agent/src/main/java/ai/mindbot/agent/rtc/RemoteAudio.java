package ai.mindbot.agent.rtc;

import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.Pcm;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import java.util.function.Consumer;

/**
 * A subscribed microphone. libwebrtc calls {@link #onData} on its real-time playout thread, so it
 * only copies the samples and hands the frame on.
 */
final class RemoteAudio implements AudioTrackSink {

    final String trackSid;
    final AudioTrack track;
    private final Consumer<AudioFrame> frames;

    RemoteAudio(String trackSid, AudioTrack track, Consumer<AudioFrame> frames) {
        this.trackSid = trackSid;
        this.track = track;
        this.frames = frames;
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int samplesPerChannel) {
        if (bitsPerSample != 16) {
            return;
        }
        short[] samples = Pcm.fromLittleEndian(data, samplesPerChannel * channels);
        frames.accept(new AudioFrame(samples, sampleRate, channels, System.nanoTime()));
    }
}
