package ai.mindbot.agent.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCIceCandidate;
import java.util.Map;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalTarget;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void joinsWithTheDualPeerConnectionProtocolAndAutoSubscribe() {
        assertThat(Signals.joinQuery()).contains("protocol=16").contains("auto_subscribe=1");
    }

    @Test
    void publishesAMicrophoneWithoutRedOrDtx() {
        SignalRequest request = Signals.addAudioTrack("cid-1", "agent-voice");

        assertThat(request.getAddTrack().getCid()).isEqualTo("cid-1");
        assertThat(request.getAddTrack().getType()).isEqualTo(TrackType.AUDIO);
        assertThat(request.getAddTrack().getSource()).isEqualTo(TrackSource.MICROPHONE);
        assertThat(request.getAddTrack().getDisableRed()).isTrue();
        assertThat(request.getAddTrack().getDisableDtx()).isTrue();
    }

    @Test
    void updatesOnlyWhatChangesOfOurOwnParticipant() {
        SignalRequest request = Signals.updateOwnMetadata("", Map.of("lk.agent.state", "thinking"), 3);

        assertThat(request.getUpdateMetadata().getAttributesMap())
                .containsExactly(Map.entry("lk.agent.state", "thinking"));
        assertThat(request.getUpdateMetadata().getMetadata())
                .as("empty: LiveKit keeps the metadata")
                .isEmpty();
        assertThat(request.getUpdateMetadata().getName())
                .as("empty: LiveKit keeps the name")
                .isEmpty();
        assertThat(request.getUpdateMetadata().getRequestId()).isEqualTo(3);
    }

    @Test
    void answersWithTheOffersId() {
        assertThat(Signals.answer("v=0", 7).getAnswer().getId()).isEqualTo(7);
        assertThat(Signals.answer("v=0", 7).getAnswer().getType()).isEqualTo("answer");
    }

    @Test
    void trickleCarriesTheCandidateAsBrowserStyleJson() {
        RTCIceCandidate candidate =
                new RTCIceCandidate("0", 0, "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host");

        SignalRequest request = Signals.trickle(SignalTarget.PUBLISHER, IceCandidates.toJson(candidate));
        RTCIceCandidate back = IceCandidates.fromJson(request.getTrickle().getCandidateInit());

        assertThat(request.getTrickle().getTarget()).isEqualTo(SignalTarget.PUBLISHER);
        assertThat(request.getTrickle().getCandidateInit())
                .contains("\"sdpMid\":\"0\"")
                .contains("\"sdpMLineIndex\":0");
        assertThat(back.sdp).isEqualTo(candidate.sdp);
        assertThat(back.sdpMid).isEqualTo("0");
    }
}
