package ai.mindbot.agent.rtc;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import livekit.LivekitRtc.SignalTarget;

/** The subscriber connection's callbacks, moved from libwebrtc's signalling thread to the room's. */
final class SubscriberObserver implements PeerConnectionObserver {

    private final RoomConnection room;

    SubscriberObserver(RoomConnection room) {
        this.room = room;
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        room.onNative(() -> room.onLocalCandidate(SignalTarget.SUBSCRIBER, candidate));
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        room.onNative(() -> room.onSubscriberState(state));
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (track instanceof AudioTrack audio) {
            room.onNative(() -> room.onRemoteAudioTrack(audio));
        }
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
        room.onNative(() -> room.onRemoteDataChannel(channel));
    }
}
