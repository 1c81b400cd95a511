package ai.mindbot.agent.rtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import livekit.LivekitRtc.SignalTarget;

/**
 * One of the two peer connections of a room, with the session-description steps as futures that
 * complete on the room's thread, and remote ICE candidates held back until the remote description is
 * set (they can arrive first). Used from the room's thread only.
 */
final class PeerLink {

    final SignalTarget target;
    final RTCPeerConnection connection;
    private final Executor roomThread;
    private final List<RTCIceCandidate> earlyCandidates = new ArrayList<>();
    private boolean remoteDescriptionSet;

    PeerLink(SignalTarget target, RTCPeerConnection connection, Executor roomThread) {
        this.target = target;
        this.connection = connection;
        this.roomThread = roomThread;
    }

    void addRemoteCandidate(RTCIceCandidate candidate) {
        if (remoteDescriptionSet) {
            connection.addIceCandidate(candidate);
        } else {
            earlyCandidates.add(candidate);
        }
    }

    CompletableFuture<Void> setRemote(RTCSessionDescription description) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.setRemoteDescription(description, setObserver(done));
        return done.thenRun(() -> {
            remoteDescriptionSet = true;
            earlyCandidates.forEach(connection::addIceCandidate);
            earlyCandidates.clear();
        });
    }

    CompletableFuture<RTCSessionDescription> offer() {
        return offer(false);
    }

    /** An offer; with {@code iceRestart} it carries new ICE credentials, so both ends gather afresh. */
    CompletableFuture<RTCSessionDescription> offer(boolean iceRestart) {
        CompletableFuture<RTCSessionDescription> made = new CompletableFuture<>();
        RTCOfferOptions options = new RTCOfferOptions();
        options.iceRestart = iceRestart;
        connection.createOffer(options, createObserver(made));
        return made.thenCompose(this::setLocal);
    }

    CompletableFuture<RTCSessionDescription> answer() {
        CompletableFuture<RTCSessionDescription> made = new CompletableFuture<>();
        connection.createAnswer(new RTCAnswerOptions(), createObserver(made));
        return made.thenCompose(this::setLocal);
    }

    private CompletableFuture<RTCSessionDescription> setLocal(RTCSessionDescription description) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.setLocalDescription(description, setObserver(done));
        return done.thenApply(ignored -> description);
    }

    // The observers run on libwebrtc's signalling thread: complete on the room's thread instead.
    private SetSessionDescriptionObserver setObserver(CompletableFuture<Void> done) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                roomThread.execute(() -> done.complete(null));
            }

            @Override
            public void onFailure(String error) {
                roomThread.execute(() -> done.completeExceptionally(new IllegalStateException(target + ": " + error)));
            }
        };
    }

    private CreateSessionDescriptionObserver createObserver(CompletableFuture<RTCSessionDescription> made) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                roomThread.execute(() -> made.complete(description));
            }

            @Override
            public void onFailure(String error) {
                roomThread.execute(() -> made.completeExceptionally(new IllegalStateException(target + ": " + error)));
            }
        };
    }
}
