package ai.mindbot.agent.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a room's native objects in the order libwebrtc accepts: sinks off, our track removed from
 * its sender before the track is disposed, connections closed before the factory and audio module.
 */
final class Native {

    private static final Logger log = LoggerFactory.getLogger(Native.class);

    private Native() {}

    static void release(
            List<RemoteAudio> remoteAudio,
            PeerLink publisher,
            PeerLink subscriber,
            RTCRtpSender sender,
            AudioTrack track,
            CustomAudioSource source,
            PeerConnectionFactory factory,
            HeadlessAudioDeviceModule audioModule) {
        for (RemoteAudio audio : remoteAudio) {
            quietly("remove sink", () -> audio.track.removeSink(audio));
        }
        if (publisher != null && sender != null) {
            quietly("remove track", () -> publisher.connection.removeTrack(sender));
        }
        if (publisher != null) {
            quietly("close publisher", publisher.connection::close);
        }
        if (subscriber != null) {
            quietly("close subscriber", subscriber.connection::close);
        }
        if (track != null) {
            quietly("dispose track", track::dispose);
        }
        if (source != null) {
            quietly("dispose source", source::dispose);
        }
        if (factory != null) {
            quietly("dispose factory", factory::dispose);
        }
        if (audioModule != null) {
            quietly("dispose audio module", audioModule::dispose);
        }
    }

    private static void quietly(String step, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.debug("{} failed: {}", step, e.getMessage());
        }
    }
}
