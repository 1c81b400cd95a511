package ai.mindbot.agent.rtc;

import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.media.AudioClock;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioMixer;
import ai.mindbot.agent.media.LatencyStats;
import ai.mindbot.agent.ws.ProtoWebSocket;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantInfo.State;
import livekit.LivekitModels.ReconnectReason;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's presence in one room. Connects the {@code /rtc} signalling socket, answers the
 * subscriber offers, publishes the agent's audio track on the publisher connection, and bridges
 * audio and data packets between libwebrtc and the room's thread. Each room gets its own
 * peer-connection factory and headless audio module: sharing one across calls crashed libwebrtc.
 *
 * <p>Calls outlive the signalling socket: when it drops (or stays silent past LiveKit's ping
 * timeout) the connection resumes as LiveKit's client SDKs do, with {@code reconnect=1} and our
 * participant sid, keeping both peer connections and the published track; audio keeps flowing
 * meanwhile. Each {@code refresh_token} the server sends replaces the join token, so a resume after
 * the first hour still authenticates.
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
    private final ResumePolicy resumePolicy = new ResumePolicy();
    private final URI rtcUrl;

    private ProtoWebSocket signal;
    /** The newest token: the join token until the server sends a {@code refresh_token}. */
    private String token;
    /** Counts sockets, so callbacks of one we gave up on are ignored. */
    private int socketGeneration;

    private long lastSignalNanos;
    private long pingTimeoutNanos = TimeUnit.SECONDS.toNanos(10);
    private boolean resuming;
    private int resumeAttempt;
    private long resumeStartNanos;
    /** After a resume the first participant update lists everyone present: the rest left meanwhile. */
    private boolean fullParticipantListDue;

    private int requestIds;
    private volatile int tokenRefreshes;
    private ParticipantDirectory directory;
    private String localSid = "";
    private String localIdentity = "";
    private String roomName = "";
    private RoomMedia media;
    private ScheduledFuture<?> pings;
    private int pingIntervalSeconds = 5;
    private RTCPeerConnectionState publisherState = RTCPeerConnectionState.NEW;
    private boolean connected;
    private boolean closed;
    private final long startNanos = System.nanoTime();

    private RoomConnection(
            URI rtcUrl,
            String token,
            ScheduledExecutorService roomThread,
            AudioClock clock,
            boolean useServerIceServers,
            LatencyStats outputLatency,
            RoomEvents events) {
        this.rtcUrl = rtcUrl;
        this.token = token;
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
    public static RoomConnection join(
            URI rtcUrl,
            String token,
            ScheduledExecutorService roomThread,
            AudioClock clock,
            boolean useServerIceServers,
            LatencyStats outputLatency,
            RoomEvents events) {
        RoomConnection room =
                new RoomConnection(rtcUrl, token, roomThread, clock, useServerIceServers, outputLatency, events);
        roomThread.execute(() -> room.openSignal(rtcUrl));
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

    /** The audio track SID of {@code identity}: a remote participant's, or the agent's own published track. */
    public Optional<String> audioTrackOf(String identity) {
        if (identity.equals(localIdentity)) {
            return Optional.ofNullable(ownAudioTrackSid);
        }
        return directory == null ? Optional.empty() : directory.audioTrackOf(identity);
    }

    private volatile String ownAudioTrackSid;

    public Optional<Participant> participant(String identity) {
        return directory == null ? Optional.empty() : directory.byIdentity(identity);
    }

    public long humans() {
        return directory == null ? 0 : directory.humans();
    }

    /** Sends a data packet on the publisher's reliable or lossy channel. Room thread only. */
    public void send(DataPacket packet, boolean reliableChannel) {
        if (closed) {
            return; // queued before the room was left; its channels are gone
        }
        if (media == null || !media.send(packet, reliableChannel)) {
            log.warn("room {}: data channel not open, dropping a packet", roomName);
        }
    }

    /**
     * Updates the agent's own participant: {@code attributes} are merged into its attributes (an
     * empty value removes one), a non-empty {@code metadata} replaces its metadata. Room thread only;
     * sent when the signalling socket is up (held during a resume).
     */
    public void updateOwnMetadata(String metadata, Map<String, String> attributes) {
        send(Signals.updateOwnMetadata(metadata, attributes, ++requestIds));
    }

    /**
     * Drops the signalling socket as a network failure would (no leave, no close handshake), for
     * tests and drills of the resume path. Any thread.
     */
    public void dropSignalling() {
        roomThread.execute(() -> {
            if (signal != null && !closed) {
                signal.abort();
                onSignalLost("signalling dropped on purpose", null);
            }
        });
    }

    /** How many fresh tokens LiveKit has sent; a resume authenticates with the newest. */
    public int tokenRefreshes() {
        return tokenRefreshes;
    }

    /** True while a dropped signalling socket is being resumed. */
    public boolean resuming() {
        return resuming;
    }

    /** Leaves the room: tells the server, then releases everything. Room thread only. */
    public void leave() {
        if (signal != null && !closed) {
            signal.send(Signals.leave().toByteArray());
        }
        close(Disconnect.left());
    }

    private void openSignal(URI url) {
        int generation = ++socketGeneration;
        ProtoWebSocket.connect(url, token, new ProtoWebSocket.Handler() {
                    @Override
                    public void onMessage(byte[] message) {
                        roomThread.execute(() -> {
                            if (generation == socketGeneration) {
                                onSignal(message);
                            }
                        });
                    }

                    @Override
                    public void onClosed(int code, String reason, Throwable error) {
                        roomThread.execute(() -> {
                            if (generation == socketGeneration) {
                                onSignalLost(
                                        error != null
                                                ? "signalling failed (" + error + ")"
                                                : "signalling closed (" + code + " " + reason + ")",
                                        error);
                            }
                        });
                    }
                })
                .whenCompleteAsync(
                        (socket, error) -> {
                            if (generation != socketGeneration || closed) {
                                if (socket != null) {
                                    socket.abort();
                                }
                            } else if (error != null) {
                                if (resuming) {
                                    log.debug(
                                            "room {}: resume attempt {} could not connect: {}",
                                            roomName,
                                            resumeAttempt,
                                            error.getMessage());
                                    scheduleResume();
                                } else {
                                    close(Disconnect.lost(
                                            "could not connect to " + url.getHost() + ":" + url.getPort(), error));
                                }
                            } else {
                                signal = socket;
                                lastSignalNanos = System.nanoTime();
                                unsent.forEach(request -> socket.send(request.toByteArray()));
                                unsent.clear();
                            }
                        },
                        roomThread);
    }

    /**
     * The signalling socket is gone. Before the room is live there is nothing worth keeping, so the
     * join fails; afterwards the call goes on over the peer connections while we resume.
     */
    private void onSignalLost(String reason, Throwable error) {
        if (closed) {
            return;
        }
        if (!connected) {
            close(Disconnect.lost(
                    reason, error != null ? error : new IllegalStateException("signalling closed by the server")));
            return;
        }
        socketGeneration++; // whatever the old socket still reports is stale now
        signal = null;
        if (!resuming) {
            log.warn("room {}: {}; resuming", roomName, reason);
            resuming = true;
            resumeAttempt = 0;
            resumeStartNanos = System.nanoTime();
            if (pings != null) {
                pings.cancel(false);
            }
        }
        scheduleResume();
    }

    private void scheduleResume() {
        Optional<Duration> delay = resumePolicy.delayBefore(resumeAttempt++);
        if (delay.isEmpty()) {
            close(Disconnect.lost(
                    "could not resume the signalling connection after " + (resumeAttempt - 1) + " attempts",
                    new IllegalStateException("signalling lost and not resumed")));
            return;
        }
        roomThread.schedule(
                () -> {
                    if (!closed && resuming) {
                        String query = "&reconnect=1&sid=" + localSid + "&reconnect_reason="
                                + ReconnectReason.RR_SIGNAL_DISCONNECTED.getNumber();
                        openSignal(URI.create(rtcUrl + query));
                    }
                },
                delay.get().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * LiveKit asks us to go. With action {@code RESUME} (e.g. the signalling node is draining) it
     * wants the socket reconnected and keeps our session; anything else ends it.
     */
    private void onLeave(LeaveRequest leave) {
        if (leave.getAction() == LeaveRequest.Action.RESUME && connected) {
            if (signal != null) {
                signal.abort(); // else the socket is still being handed over, and onSignalLost makes it stale
            }
            onSignalLost("the server asked us to resume (" + leave.getReason() + ")", null);
            return;
        }
        close(Disconnect.removed(
                "the server asked us to leave (" + leave.getReason() + ", " + leave.getAction() + ")"));
    }

    /** LiveKit took us back: same participant, same peer connections. */
    private void onResumed() {
        if (!resuming) {
            return;
        }
        resuming = false;
        fullParticipantListDue = true;
        startPings();
        log.info(
                "room {}: signalling resumed after {} ms ({} attempt(s))",
                roomName,
                (System.nanoTime() - resumeStartNanos) / 1_000_000,
                resumeAttempt);
        if (publisherState != RTCPeerConnectionState.CONNECTED && media != null) {
            // the network under the publisher moved too: new ICE credentials, new candidates
            media.publisher
                    .offer(true)
                    .thenAccept(offer -> send(Signals.offer(offer.sdp)))
                    .exceptionally(this::failed);
        }
    }

    /** Pings every ping interval; checks each second that the server still answers. */
    private void startPings() {
        long nextPing = System.nanoTime();
        pings = roomThread.scheduleAtFixedRate(
                new Runnable() {
                    private long pingDue = nextPing + TimeUnit.SECONDS.toNanos(pingIntervalSeconds);

                    @Override
                    public void run() {
                        if (closed || resuming || signal == null) {
                            return;
                        }
                        long now = System.nanoTime();
                        if (now - lastSignalNanos > pingTimeoutNanos) {
                            signal.abort();
                            onSignalLost(
                                    "no word from the server for " + (now - lastSignalNanos) / 1_000_000 + " ms", null);
                        } else if (now - pingDue >= 0) {
                            pingDue = now + TimeUnit.SECONDS.toNanos(pingIntervalSeconds);
                            send(Signals.ping(System.currentTimeMillis(), 0));
                        }
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
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
        lastSignalNanos = System.nanoTime();
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
                case OFFER ->
                    onSubscriberOffer(
                            response.getOffer().getSdp(), response.getOffer().getId());
                case ANSWER ->
                    media.publisher
                            .setRemote(new RTCSessionDescription(
                                    RTCSdpType.ANSWER, response.getAnswer().getSdp()))
                            .exceptionally(this::failed);
                case TRICKLE ->
                    onTrickle(
                            response.getTrickle().getTarget(),
                            response.getTrickle().getCandidateInit());
                case UPDATE -> onParticipants(response.getUpdate().getParticipantsList());
                case TRACK_PUBLISHED -> {
                    ownAudioTrackSid = response.getTrackPublished().getTrack().getSid();
                    onTrackPublished(response.getTrackPublished().getCid());
                }
                case LEAVE -> onLeave(response.getLeave());
                case RECONNECT -> onResumed();
                case REFRESH_TOKEN -> {
                    token = response.getRefreshToken(); // LiveKit's refresh lasts 10 min and comes every 5
                    tokenRefreshes++;
                }
                case REQUEST_RESPONSE -> onRequestResponse(response.getRequestResponse());
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
        pingIntervalSeconds = Math.max(1, join.getPingInterval());
        // LiveKit answers every ping at once, so two missed pongs (10 s) mean a dead socket. We do not
        // wait for its ping_timeout (15 s): the server drops a participant that leaves an offer
        // unanswered for 15 s, so a silent socket noticed that late has already cost the call.
        long timeoutSeconds =
                Math.min(join.getPingTimeout() > 0 ? join.getPingTimeout() : 15, 2L * pingIntervalSeconds);
        pingTimeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        startPings();
        send(media.addTrackRequest());
        log.debug(
                "room {}: joined as {} ({}) at +{} ms, peer connections ready at +{} ms",
                roomName,
                localIdentity,
                localSid,
                joinedAtMs,
                elapsedMs());
    }

    private void onTrackPublished(String cid) {
        if (media.awaitsPublication(cid)) {
            media.publish(localSid + "-voice")
                    .thenAccept(offer -> send(Signals.offer(offer.sdp)))
                    .exceptionally(this::failed);
        }
    }

    private void onSubscriberOffer(String sdp, int offerId) {
        media.subscriber
                .setRemote(new RTCSessionDescription(RTCSdpType.OFFER, sdp))
                .thenCompose(ignored -> media.subscriber.answer())
                .thenAccept(answer -> send(Signals.answer(answer.sdp, offerId)))
                .exceptionally(this::failed);
    }

    private void onTrickle(SignalTarget target, String candidateJson) {
        if (media != null) {
            media.link(target).addRemoteCandidate(IceCandidates.fromJson(candidateJson));
        }
    }

    private void onParticipants(List<ParticipantInfo> infos) {
        // the list LiveKit sends on resuming is the only one that includes us unasked; a broadcast
        // about someone else that slips in first must not make everyone else look gone
        if (fullParticipantListDue && infos.stream().anyMatch(i -> i.getSid().equals(localSid))) {
            fullParticipantListDue = false;
            List<String> present = infos.stream()
                    .filter(i -> i.getState() != State.DISCONNECTED)
                    .map(ParticipantInfo::getSid)
                    .toList();
            for (Participant gone : directory.retainOnly(present)) {
                events.onParticipantLeft(gone);
            }
        }
        infos.forEach(this::onParticipant);
    }

    private void onRequestResponse(RequestResponse response) {
        if (response.getReason() != RequestResponse.Reason.OK
                && response.getReason() != RequestResponse.Reason.QUEUED) {
            log.warn(
                    "room {}: the server refused request {}: {} {}",
                    roomName,
                    response.getRequestId(),
                    response.getReason(),
                    response.getMessage());
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
            case UPDATED -> {
                if (connected) {
                    events.onParticipantUpdated(ParticipantDirectory.toParticipant(info));
                }
            }
            default -> {
                // our own info, or only its tracks changed: already recorded in the directory
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
        publisherState = state;
        if (state == RTCPeerConnectionState.CONNECTED && !connected && !closed) {
            media.awaitSendStream(() -> !closed && !connected, this::startAudio);
        } else if (state == RTCPeerConnectionState.FAILED) {
            close(Disconnect.lost(
                    "publisher connection failed", new IllegalStateException("publisher peer connection failed")));
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
            close(Disconnect.lost(
                    "subscriber connection failed", new IllegalStateException("subscriber peer connection failed")));
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
            close(Disconnect.lost("not connected after 20 s", new IllegalStateException("room connection timed out")));
        }
    }

    private Void failed(Throwable error) {
        close(Disconnect.lost("negotiation failed: " + error.getMessage(), error));
        return null;
    }

    /** Releases everything once, in the order libwebrtc needs. Room thread only. */
    private void close(Disconnect disconnect) {
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
        log.debug("room {}: closed: {}", roomName, disconnect.reason());
        events.onDisconnected(disconnect);
    }
}
