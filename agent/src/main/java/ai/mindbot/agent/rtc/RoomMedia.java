package ai.mindbot.agent.rtc;

import ai.mindbot.agent.media.AudioClock;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioMixer;
import ai.mindbot.agent.media.LatencyStats;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitRtc.ICEServer;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native half of a room: its own peer-connection factory and headless audio module (sharing
 * one across rooms crashed libwebrtc), the subscriber and publisher connections, the agent's track
 * and data channels, and the subscribed microphones. Used from the room's thread only.
 */
final class RoomMedia {

    private static final Logger log = LoggerFactory.getLogger(RoomMedia.class);
    private static final String TRACK_NAME = "agent-voice";
    /** How often (10 ms apart) to look for the send stream before starting without it. */
    private static final int SEND_STREAM_CHECKS = 50;

    private final ScheduledExecutorService roomThread;
    private final HeadlessAudioDeviceModule audioModule = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(audioModule);
    private final CustomAudioSource source = new CustomAudioSource();
    private final AudioTrack track;
    private final List<RemoteAudio> remoteAudio = new ArrayList<>();
    final PeerLink subscriber;
    final PeerLink publisher;
    private RTCRtpSender sender;
    private RTCDataChannel reliable;
    private RTCDataChannel lossy;
    private AudioClock clock;
    private AudioOutput output;

    RoomMedia(RoomConnection room, List<ICEServer> iceServers, ScheduledExecutorService roomThread) {
        this.roomThread = roomThread;
        RTCConfiguration configuration = new RTCConfiguration();
        configuration.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        for (ICEServer server : iceServers) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = List.copyOf(server.getUrlsList());
            ice.username = server.getUsername();
            ice.password = server.getCredential();
            configuration.iceServers.add(ice);
        }
        subscriber = new PeerLink(
                SignalTarget.SUBSCRIBER,
                factory.createPeerConnection(configuration, new SubscriberObserver(room)),
                roomThread);
        publisher = new PeerLink(
                SignalTarget.PUBLISHER,
                factory.createPeerConnection(configuration, new PublisherObserver(room)),
                roomThread);
        track = factory.createAudioTrack(TRACK_NAME, source);
    }

    /** Asks LiveKit to accept our track; {@code track_published} answers with the same cid. */
    SignalRequest addTrackRequest() {
        return Signals.addAudioTrack(track.getId(), TRACK_NAME);
    }

    boolean awaitsPublication(String cid) {
        return cid.equals(track.getId()) && sender == null;
    }

    PeerLink link(SignalTarget target) {
        return target == SignalTarget.PUBLISHER ? publisher : subscriber;
    }

    /** Adds our track (send-only) and the publisher's data channels; completes with the offer to send. */
    CompletableFuture<RTCSessionDescription> publish(String streamId) {
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of(streamId);
        sender = publisher.connection.addTransceiver(track, init).getSender();
        reliable = publisher.connection.createDataChannel("_reliable", new RTCDataChannelInit());
        RTCDataChannelInit unordered = new RTCDataChannelInit();
        unordered.ordered = false;
        unordered.maxRetransmits = 0;
        lossy = publisher.connection.createDataChannel("_lossy", unordered);
        return publisher.offer();
    }

    /**
     * The headless audio module runs its own 10 ms capture thread into our send stream, and a second
     * thread pushing into the same stream (ours) trips libwebrtc's race checker, which aborts the JVM.
     * The stream (and with it that capture thread) starts on libwebrtc's worker thread, often tens of
     * milliseconds after the connection reports CONNECTED, so we wait until the stream has sent
     * packets, then stop the module's capture before {@link #startAudio} pushes our own.
     */
    void awaitSendStream(BooleanSupplier stillWanted, Consumer<Long> sending) {
        awaitSendStream(stillWanted, sending, 0);
    }

    private void awaitSendStream(BooleanSupplier stillWanted, Consumer<Long> sending, int attempt) {
        publisher.connection.getStats(
                sender,
                report -> roomThread.execute(() -> {
                    if (!stillWanted.getAsBoolean()) {
                        return;
                    }
                    long sent = packetsSent(report);
                    if (sent > 0 || attempt >= SEND_STREAM_CHECKS) {
                        audioModule.stopRecording();
                        sending.accept(sent);
                    } else {
                        roomThread.schedule(
                                () -> awaitSendStream(stillWanted, sending, attempt + 1), 10, TimeUnit.MILLISECONDS);
                    }
                }));
    }

    /** From now on the shared clock plays {@code mixer} into our track every 10 ms. */
    void startAudio(AudioClock audioClock, AudioMixer mixer, LatencyStats latency) {
        clock = audioClock;
        output = new AudioOutput(mixer, source, latency);
        clock.add(output);
    }

    /** Subscribes to a remote microphone; frames are handed on from libwebrtc's playout thread. */
    void receive(AudioTrack remote, Consumer<AudioFrame> frames) {
        RemoteAudio audio = new RemoteAudio(remote.getId(), remote, frames);
        remoteAudio.add(audio);
        remote.addSink(audio);
    }

    private volatile boolean released;

    /** Sends a data packet on the reliable or lossy channel; false when the channel is not open. */
    boolean send(DataPacket packet, boolean reliableChannel) {
        RTCDataChannel channel = reliableChannel ? reliable : lossy;
        // a send queued on the job's thread can run after the room was left: the native channel is
        // freed by then, and touching it crashes the JVM (seen: RTCDataChannel.getState, SIGSEGV)
        if (released || channel == null || channel.getState() != RTCDataChannelState.OPEN) {
            return false;
        }
        byte[] bytes = packet.toByteArray();
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        try {
            channel.send(new RTCDataChannelBuffer(buffer, true));
            return true;
        } catch (Exception e) {
            log.debug("data packet not sent: {}", e.getMessage());
            return false;
        }
    }

    /** Stops the audio and frees the native objects, in the order libwebrtc accepts. */
    void release() {
        released = true;
        if (output != null) {
            clock.remove(output); // waits out a tick that may still be pushing into the source
        }
        Native.release(remoteAudio, publisher, subscriber, sender, track, source, factory, audioModule);
    }

    private static long packetsSent(RTCStatsReport report) {
        return report.getStats().values().stream()
                .filter(stats -> stats.getType() == RTCStatsType.OUTBOUND_RTP)
                .map(stats -> stats.getAttributes().get("packetsSent"))
                .filter(Number.class::isInstance)
                .mapToLong(value -> ((Number) value).longValue())
                .sum();
    }
}
