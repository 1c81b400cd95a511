package ai.mindbot.agent.rtc;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.InvalidProtocolBufferException;

import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.media.AudioClock;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioMixer;
import ai.mindbot.agent.media.LatencyStats;
import ai.mindbot.agent.ws.ProtoWebSocket;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;

/**
 * One agent's presence in one room. Connects the {@code /rtc} signalling socket, answers the
 * subscriber offers, publishes the agent's audio track on the publisher connection, and bridges
 * audio and data packets between libwebrtc and the room's thread. Each room gets its own
 * peer-connection factory and headless audio module: sharing one across calls crashed libwebrtc.
 */
public final class RoomConnection {

    private static final Logger log = LoggerFactory.getLogger(RoomConnection.class);

    private final ScheduledExecutorService roomThread;
    private final AudioClock clock;
    private final boolean useServerIceServers;
    private final RoomEvents events;
    private final AudioMixer mixer = new AudioMixer();
    private final LatencyStats outputLatency;
    private final List<SignalRequest> unsent = new ArrayList<>();

    private ProtoWebSocket signal;
    private ParticipantDirectory directory;
    private String localSid = "";
    private String localIdentity = "";
    private String roomName = "";
    private RoomMedia media;
    private ScheduledFuture<?> pings;
    private boolean connected;
    private boolean closed;
    private final long startNanos = System.nanoTime();

    private RoomConnection(ScheduledExecutorService roomThread, AudioClock clock, boolean useServerIceServers,
                           LatencyStats outputLatency, RoomEvents events) {
        this.roomThread = roomThread;
        this.clock = clock;
        this.useServerIceServers = useServerIceServers;
        this.outputLatency = outputLatency;
        this.events = events;
    }

    /**
     * Starts joining the room at {@code rtcUrl} (the server's {@code /rtc} endpoint) with {@code token};
     * progress and failure arrive through {@code events} on {@code roomThread}.
     */
    public static RoomConnection join(URI rtcUrl, String token, ScheduledExecutorService roomThread, AudioClock clock,
                                      boolean useServerIceServers, LatencyStats outputLatency, RoomEvents events) {
        RoomConnection room = new RoomConnection(roomThread, clock, useServerIceServers, outputLatency, events);
        roomThread.execute(() -> room.openSignal(rtcUrl, token));
        roomThread.schedule(room::failIfNotConnected, 20, TimeUnit.SECONDS);
        return room;
    }

    /** The query string of the {@code /rtc} URL this runtime joins with. */
    public static String joinQuery() {
        return Signals.joinQuery();
    }

    public AudioMixer mixer() {
        return mixer;
    }

    public String localIdentity() {
        return localIdentity;
    }

    public String roomName() {
        return roomName;
    }

    public Collection<Participant> participants() {
        return directory == null ? List.of() : directory.all();
    }

    public Optional<Participant> participant(String identity) {
        return directory == null ? Optional.empty() : directory.byIdentity(identity);
    }

    public long humans() {
        return directory == null ? 0 : directory.humans();
    }

    /** Sends a data packet on the publisher's reliable or lossy channel. Room thread only. */
    public void send(DataPacket packet, boolean reliableChannel) {
        if (media == null || !media.send(packet, reliableChannel)) {
            log.warn("room {}: data channel not open, dropping a packet", roomName);
        }
    }

    /** Leaves the room: tells the server, then releases everything. Room thread only. */
    public void leave() {
        if (signal != null && !closed) {
            signal.send(Signals.leave().toByteArray());
        }
        close("left", null);
    }

    private void openSignal(URI rtcUrl, String token) {
        ProtoWebSocket.connect(rtcUrl, token, new ProtoWebSocket.Handler() {
            @Override
            public void onMessage(byte[] message) {
                roomThread.execute(() -> onSignal(message));
            }

            @Override
            public void onClosed(int code, String reason, Throwable error) {
                roomThread.execute(() -> close("signalling closed (" + code + " " + reason + ")",
                        error != null ? error : new IllegalStateException("signalling closed by the server")));
            }
        }).whenCompleteAsync((socket, error) -> {
            if (error != null) {
                close("could not connect to " + rtcUrl.getHost() + ":" + rtcUrl.getPort(), error);
            } else if (closed) {
                socket.abort();
            } else {
                signal = socket;
                unsent.forEach(request -> socket.send(request.toByteArray()));
                unsent.clear();
            }
        }, roomThread);
    }

    private void send(SignalRequest request) {
        if (closed) {
            return;
        }
        if (signal == null) {
            // the server's first messages can overtake the connect future: hold replies until it is in
            unsent.add(request);
        } else {
            signal.send(request.toByteArray());
        }
    }

    private void onSignal(byte[] message) {
        if (closed) {
            return;
        }
        SignalResponse response;
        try {
            response = SignalResponse.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            log.warn("room {}: unreadable signalling message", roomName);
            return;
        }
        if (log.isTraceEnabled()) {
            log.trace("room {}: signal {}", roomName, response.getMessageCase());
        }
        try {
            switch (response.getMessageCase()) {
                case JOIN -> onJoin(response.getJoin());
                case OFFER -> onSubscriberOffer(response.getOffer().getSdp(), response.getOffer().getId());
                case ANSWER -> media.publisher
                        .setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, response.getAnswer().getSdp()))
                        .exceptionally(this::failed);
                case TRICKLE -> onTrickle(response.getTrickle().getTarget(), response.getTrickle().getCandidateInit());
                case UPDATE -> response.getUpdate().getParticipantsList().forEach(this::onParticipant);
                case TRACK_PUBLISHED -> onTrackPublished(response.getTrackPublished().getCid());
                case LEAVE -> close("the server asked us to leave (" + response.getLeave().getReason() + ")",
                        new IllegalStateException("removed from the room: " + response.getLeave().getReason()));
                default -> {
                    // pongs, speaker and quality updates, room updates: nothing to do
                }
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void onJoin(JoinResponse join) {
        long joinedAtMs = elapsedMs();
        localSid = join.getParticipant().getSid();
        localIdentity = join.getParticipant().getIdentity();
        roomName = join.getRoom().getName();
        directory = new ParticipantDirectory(localSid);
        media = new RoomMedia(this, useServerIceServers ? join.getIceServersList() : List.of(), roomThread);
        for (ParticipantInfo other : join.getOtherParticipantsList()) {
            directory.apply(other);
        }
        int interval = Math.max(1, join.getPingInterval());
        pings = roomThread.scheduleAtFixedRate(() -> send(Signals.ping(System.currentTimeMillis(), 0)),
                interval, interval, TimeUnit.SECONDS);
        send(media.addTrackRequest());
        log.debug("room {}: joined as {} ({}) at +{} ms, peer connections ready at +{} ms", roomName, localIdentity,
                localSid, joinedAtMs, elapsedMs());
    }

    private void onTrackPublished(String cid) {
        if (media.awaitsPublication(cid)) {
            media.publish(localSid + "-voice").thenAccept(offer -> send(Signals.offer(offer.sdp))).exceptionally(this::failed);
        }
    }

    private void onSubscriberOffer(String sdp, int offerId) {
        media.subscriber.setRemote(new RTCSessionDescription(RTCSdpType.OFFER, sdp))
                .thenCompose(ignored -> media.subscriber.answer())
                .thenAccept(answer -> send(Signals.answer(answer.sdp, offerId)))
                .exceptionally(this::failed);
    }

    private void onTrickle(SignalTarget target, String candidateJson) {
        if (media != null) {
            media.link(target).addRemoteCandidate(IceCandidates.fromJson(candidateJson));
        }
    }

    private void onParticipant(ParticipantInfo info) {
        Optional<Participant> before = directory.bySid(info.getSid());
        switch (directory.apply(info)) {
            case JOINED -> {
                if (connected) {
                    events.onParticipantJoined(ParticipantDirectory.toParticipant(info));
                }
            }
            case LEFT -> {
                if (connected) {
                    events.onParticipantLeft(before.orElseThrow());
                }
            }
            default -> {
                // metadata or track changes are already recorded in the directory
            }
        }
    }

    // ---- callbacks handed over from libwebrtc's threads (see the observers) ----

    /** Runs a native callback's work on the room's thread, never on libwebrtc's. */
    void onNative(Runnable work) {
        if (!roomThread.isShutdown()) {
            roomThread.execute(work);
        }
    }

    void onLocalCandidate(SignalTarget target, dev.onvoid.webrtc.RTCIceCandidate candidate) {
        send(Signals.trickle(target, IceCandidates.toJson(candidate)));
    }

    void onPublisherState(RTCPeerConnectionState state) {
        log.trace("room {}: publisher {} at +{} ms", roomName, state, elapsedMs());
        if (state == RTCPeerConnectionState.CONNECTED && !connected && !closed) {
            media.awaitSendStream(() -> !closed && !connected, this::startAudio);
        } else if (state == RTCPeerConnectionState.FAILED) {
            close("publisher connection failed", new IllegalStateException("publisher peer connection failed"));
        }
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void startAudio(long packetsSent) {
        log.debug("room {}: send stream up at +{} ms ({} packet(s) sent)", roomName, elapsedMs(), packetsSent);
        media.startAudio(clock, mixer, outputLatency);
        connected = true;
        events.onConnected();
    }

    void onSubscriberState(RTCPeerConnectionState state) {
        log.trace("room {}: subscriber {}", roomName, state);
        if (state == RTCPeerConnectionState.FAILED) {
            close("subscriber connection failed", new IllegalStateException("subscriber peer connection failed"));
        }
    }

    void onRemoteAudioTrack(AudioTrack remote) {
        if (closed) {
            return;
        }
        String trackSid = remote.getId();
        media.receive(remote, frame -> roomThread.execute(() -> deliver(trackSid, frame)));
    }

    void onRemoteDataChannel(RTCDataChannel channel) {
        channel.registerObserver(new DataChannelReader(bytes -> roomThread.execute(() -> {
            if (closed) {
                return;
            }
            try {
                events.onData(DataPacket.parseFrom(bytes));
            } catch (InvalidProtocolBufferException e) {
                log.debug("room {}: unreadable data packet", roomName);
            }
        })));
    }

    private void deliver(String trackSid, AudioFrame frame) {
        if (!connected || closed) {
            return;
        }
        directory.ownerOfTrack(trackSid).ifPresent(from -> events.onAudio(from, frame));
    }

    private void failIfNotConnected() {
        if (!connected && !closed) {
            close("not connected after 20 s", new IllegalStateException("room connection timed out"));
        }
    }

    private Void failed(Throwable error) {
        close("negotiation failed: " + error.getMessage(), error);
        return null;
    }

    /** Releases everything once, in the order libwebrtc needs. Room thread only. */
    private void close(String reason, Throwable error) {
        if (closed) {
            return;
        }
        closed = true;
        if (pings != null) {
            pings.cancel(false);
        }
        if (signal != null) {
            signal.close();
        }
        if (media != null) {
            media.release();
        }
        log.debug("room {}: closed: {}", roomName, reason);
        events.onDisconnected(reason, error);
    }
}
