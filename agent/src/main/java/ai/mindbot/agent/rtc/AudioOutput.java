package ai.mindbot.agent.rtc;

import ai.mindbot.agent.media.AudioClock;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioMixer;
import ai.mindbot.agent.media.LatencyStats;
import ai.mindbot.agent.media.Pcm;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;

/** Each clock tick: the room's next 10 ms of mixed audio into the agent's published track. */
final class AudioOutput implements AudioClock.Output {

    private final AudioMixer mixer;
    private final CustomAudioSource source;
    private final LatencyStats latency;
    private final byte[] bytes = new byte[AudioFrame.SAMPLES_PER_10MS * 2];
    private final long[] timestamp = new long[1];

    AudioOutput(AudioMixer mixer, CustomAudioSource source, LatencyStats latency) {
        this.mixer = mixer;
        this.source = source;
        this.latency = latency;
    }

    @Override
    public void tick() {
        short[] frame = mixer.mixNext(timestamp);
        Pcm.toLittleEndian(frame, bytes);
        source.pushAudio(bytes, 16, AudioFrame.SAMPLE_RATE, 1, AudioFrame.SAMPLES_PER_10MS);
        if (timestamp[0] != 0 && latency != null) {
            latency.record(System.nanoTime() - timestamp[0]);
        }
    }
}
