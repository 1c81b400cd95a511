package ai.mindbot.agent.rtc;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import livekit.LivekitRtc.SignalTarget;

/** The publisher connection's callbacks, moved from libwebrtc's signalling thread to the room's. */
final class PublisherObserver implements PeerConnectionObserver {

    private final RoomConnection room;

    PublisherObserver(RoomConnection room) {
        this.room = room;
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        room.onNative(() -> room.onLocalCandidate(SignalTarget.PUBLISHER, candidate));
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        room.onNative(() -> room.onPublisherState(state));
    }
}
