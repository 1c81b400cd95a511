package ai.mindbot.agent.rtc;

import java.util.Map;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrickleRequest;
import livekit.LivekitRtc.UpdateParticipantMetadata;

/** The signalling requests a room connection sends, built in one place. */
final class Signals {

    /** The client protocol we speak: dual peer connection, subscriber primary. */
    static final int PROTOCOL = 16;

    private Signals() {}

    static String joinQuery() {
        return "auto_subscribe=1&adaptive_stream=0&protocol=" + PROTOCOL + "&sdk=java&version=0.1.0";
    }

    /** Our microphone-like track: mono Opus, no DTX (an echo of silence is still audio) and no RED. */
    static SignalRequest addAudioTrack(String cid, String name) {
        return SignalRequest.newBuilder()
                .setAddTrack(AddTrackRequest.newBuilder()
                        .setCid(cid)
                        .setName(name)
                        .setType(TrackType.AUDIO)
                        .setSource(TrackSource.MICROPHONE)
                        .setDisableDtx(true)
                        .setDisableRed(true))
                .build();
    }

    static SignalRequest offer(String sdp) {
        return SignalRequest.newBuilder()
                .setOffer(SessionDescription.newBuilder().setType("offer").setSdp(sdp))
                .build();
    }

    static SignalRequest answer(String sdp, int offerId) {
        return SignalRequest.newBuilder()
                .setAnswer(SessionDescription.newBuilder()
                        .setType("answer")
                        .setSdp(sdp)
                        .setId(offerId))
                .build();
    }

    static SignalRequest trickle(SignalTarget target, String candidateJson) {
        return SignalRequest.newBuilder()
                .setTrickle(TrickleRequest.newBuilder().setTarget(target).setCandidateInit(candidateJson))
                .build();
    }

    static SignalRequest ping(long nowMillis, long rttMillis) {
        return SignalRequest.newBuilder()
                .setPingReq(Ping.newBuilder().setTimestamp(nowMillis).setRtt(rttMillis))
                .build();
    }

    /**
     * Updates our own participant. LiveKit merges {@code attributes} into what we have (an empty value
     * deletes a key) and ignores an empty metadata, so each call carries only what changes.
     */
    static SignalRequest updateOwnMetadata(String metadata, Map<String, String> attributes, int requestId) {
        return SignalRequest.newBuilder()
                .setUpdateMetadata(UpdateParticipantMetadata.newBuilder()
                        .setMetadata(metadata)
                        .putAllAttributes(attributes)
                        .setRequestId(requestId))
                .build();
    }

    static SignalRequest leave() {
        return SignalRequest.newBuilder()
                .setLeave(LeaveRequest.newBuilder()
                        .setReason(DisconnectReason.CLIENT_INITIATED)
                        .setAction(LeaveRequest.Action.DISCONNECT))
                .build();
    }
}
