package ai.mindbot.agent.worker;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.api.Agent;
import ai.mindbot.agent.api.AgentFactory;
import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.JobInfo;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Playback;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.api.TextStreamWriter;
import ai.mindbot.agent.media.AudioClock;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioWriter;
import ai.mindbot.agent.media.LatencyStats;
import ai.mindbot.agent.rtc.Disconnect;
import ai.mindbot.agent.rtc.RoomConnection;
import ai.mindbot.agent.rtc.RoomEvents;
import ai.mindbot.agent.rtc.TextStreams;
import com.google.protobuf.ByteString;
import io.livekit.server.RoomServiceClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted job: the agent instance, its room connection and its thread. Turns room events into
 * agent hooks and the agent's calls into room actions. The job ends when the agent leaves, the last
 * person leaves, LiveKit closes the room or terminates the job, or the worker shuts down.
 */
public final class AgentJob implements Room, RoomEvents {

    private static final Logger log = LoggerFactory.getLogger(AgentJob.class);

    private final JobInfo info;
    private final AgentConfig config;
    private final JobThread thread;
    private final Agent agent;
    private final BiConsumer<AgentJob, JobEnd> onEnd;
    private final TextStreams text = new TextStreams();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final long offeredNanos;
    private volatile RoomConnection connection;
    private final List<DataPacket> early = new ArrayList<>();
    private boolean sawHuman;
    private boolean ended;

    AgentJob(
            JobAssignment assignment,
            long offeredNanos,
            AgentConfig config,
            AgentFactory factory,
            BiConsumer<AgentJob, JobEnd> onEnd) {
        this.offeredNanos = offeredNanos;
        this.info = new JobInfo(
                assignment.getJob().getId(),
                assignment.getJob().getRoom().getName(),
                assignment.getJob().getMetadata(),
                assignment.getJob().getAgentName());
        this.config = config;
        this.onEnd = onEnd;
        this.thread = new JobThread(info.jobId(), info.roomName());
        this.agent = factory.create(info);
    }

    void start(JobAssignment assignment, AudioClock clock, LatencyStats outputLatency) {
        String url = assignment.hasUrl() && !assignment.getUrl().isBlank() ? assignment.getUrl() : null;
        AgentConfig target = url == null ? config : config.withUrl(url);
        connection = RoomConnection.join(
                target.endpoint("/rtc", RoomConnection.joinQuery()),
                assignment.getToken(),
                thread.scheduler(),
                clock,
                config.useServerIceServers(),
                outputLatency,
                this);
    }

    /** Completes when the room is joined and the agent's track is publishing. */
    public CompletableFuture<Void> started() {
        return started;
    }

    /** Nanoseconds from LiveKit's job offer to the agent's track carrying audio, once started. */
    private long startupNanos;

    public long startupNanos() {
        return startupNanos;
    }

    /**
     * Drops the room's signalling socket as a network failure would; the room resumes. For tests and
     * drills of the resume path.
     */
    public void dropSignalling() {
        if (connection != null) {
            connection.dropSignalling();
        }
    }

    /** How many fresh tokens LiveKit sent this job's room connection (the first comes on joining). */
    public int tokenRefreshes() {
        return connection == null ? 0 : connection.tokenRefreshes();
    }

    /** True while the room's signalling is being resumed after a drop. */
    public boolean resuming() {
        return connection != null && connection.resuming();
    }

    /** Ends the job from outside (LiveKit terminated it, or the worker is shutting down). */
    void terminate(JobEnd.Reason reason) {
        thread.execute(() -> end(new JobEnd(reason, "")));
    }

    // ---- RoomEvents (on the job's thread) ----

    @Override
    public void onConnected() {
        startupNanos = System.nanoTime() - offeredNanos;
        log.info(
                "job {}: joined room {} as {}; audio publishing {} ms after the job offer",
                info.jobId(),
                info.roomName(),
                connection.localIdentity(),
                startupNanos / 1_000_000);
        started.complete(null);
        guarded("onJobStart", () -> agent.onJobStart(this));
        connection.participants().forEach(this::onParticipantJoined);
        early.forEach(this::onData);
        early.clear();
    }

    @Override
    public void onParticipantJoined(Participant participant) {
        sawHuman |= !participant.isAgent();
        guarded("onParticipantJoined", () -> agent.onParticipantJoined(participant));
    }

    @Override
    public void onParticipantUpdated(Participant participant) {
        guarded("onParticipantUpdated", () -> agent.onParticipantUpdated(participant));
    }

    @Override
    public void onParticipantLeft(Participant participant) {
        guarded("onParticipantLeft", () -> agent.onParticipantLeft(participant));
        if (sawHuman && connection.humans() == 0) {
            end(new JobEnd(JobEnd.Reason.PARTICIPANTS_LEFT, ""));
        }
    }

    @Override
    public void onAudio(Participant from, AudioFrame frame) {
        guarded("onAudio", () -> agent.onAudio(from, frame));
    }

    @Override
    public void onData(DataPacket packet) {
        if (!started.isDone()) {
            // data channels open before our track is live; hold packets until the agent has started
            early.add(packet);
            return;
        }
        Optional<Participant> from = connection.participant(packet.getParticipantIdentity());
        if (from.isEmpty()) {
            return;
        }
        if (packet.hasUser()) {
            UserPacket user = packet.getUser();
            guarded(
                    "onData",
                    () -> agent.onData(
                            from.get(), user.getTopic(), user.getPayload().toByteArray()));
        } else {
            text.accept(packet).ifPresent(t -> guarded("onText", () -> agent.onText(from.get(), t.topic(), t.text())));
        }
    }

    @Override
    public void onDisconnected(Disconnect disconnect) {
        if (disconnect.cause() != Disconnect.Cause.LEFT) {
            log.warn("job {}: room {} connection ended: {}", info.jobId(), info.roomName(), disconnect.reason());
        }
        end(endAfter(disconnect, started.isDone()));
    }

    /**
     * How a job ends when its room connection does: leaving and being removed close the room; a
     * broken connection fails the job only if it broke before the agent started (LiveKit may then
     * offer the job again), and closes the room after, when the call has happened.
     */
    static JobEnd endAfter(Disconnect disconnect, boolean agentStarted) {
        return switch (disconnect.cause()) {
            case LEFT, REMOVED -> new JobEnd(JobEnd.Reason.ROOM_CLOSED, disconnect.reason());
            case LOST ->
                new JobEnd(agentStarted ? JobEnd.Reason.ROOM_CLOSED : JobEnd.Reason.FAILED, disconnect.reason());
        };
    }

    // ---- Room (any thread) ----

    @Override
    public JobInfo job() {
        return info;
    }

    @Override
    public String name() {
        return info.roomName();
    }

    @Override
    public String identity() {
        return connection == null ? "" : connection.localIdentity();
    }

    @Override
    public Collection<Participant> participants() {
        return connection == null ? List.of() : connection.participants();
    }

    @Override
    public Optional<String> audioTrackSid(String identity) {
        return connection == null ? Optional.empty() : connection.audioTrackOf(identity);
    }

    @Override
    public Optional<Participant> participant(String identity) {
        return connection == null ? Optional.empty() : connection.participant(identity);
    }

    @Override
    public AudioWriter audio(String name) {
        return connection.mixer().writer(name);
    }

    @Override
    public void sendText(String topic, String text, Map<String, String> attributes, List<String> destinations) {
        List<DataPacket> packets =
                TextStreams.encode(topic, text, attributes, destinations, System.currentTimeMillis());
        thread.execute(() -> packets.forEach(p -> connection.send(p, true)));
    }

    @Override
    public void sendTextFor(
            String sender, String topic, String text, Map<String, String> attributes, List<String> destinations) {
        List<DataPacket> packets =
                TextStreams.encode(topic, text, attributes, destinations, System.currentTimeMillis()).stream()
                        .map(p -> p.toBuilder().setParticipantIdentity(sender).build())
                        .toList();
        thread.execute(() -> packets.forEach(p -> connection.send(p, true)));
    }

    @Override
    public void sendData(String topic, byte[] payload, boolean reliable, List<String> destinations) {
        DataPacket packet = DataPacket.newBuilder()
                .setKind(reliable ? DataPacket.Kind.RELIABLE : DataPacket.Kind.LOSSY)
                .addAllDestinationIdentities(destinations)
                .setUser(UserPacket.newBuilder().setTopic(topic).setPayload(ByteString.copyFrom(payload)))
                .build();
        thread.execute(() -> connection.send(packet, reliable));
    }

    @Override
    public void removeParticipant(String identity) {
        // its own thread, not the common pool: on 2 cores that pool has one thread, and any blocking
        // task there (seen: a test reading a process's output) held a time-out removal back for 30 s
        Thread remover = new Thread(
                () -> {
                    try {
                        var answer = RoomServiceClient.createClient(
                                        config.httpUrl(), config.apiKey(), config.apiSecret())
                                .removeParticipant(info.roomName(), identity)
                                .execute();
                        if (!answer.isSuccessful()) {
                            log.warn(
                                    "job {}: LiveKit refused to remove {}: HTTP {}",
                                    info.jobId(),
                                    identity,
                                    answer.code());
                        }
                    } catch (Exception e) {
                        log.warn("job {}: could not remove {}: {}", info.jobId(), identity, e.getMessage());
                    }
                },
                "remove-participant-" + info.roomName());
        remover.setDaemon(true);
        remover.start();
    }

    @Override
    public void removeAudio(String name) {
        connection.mixer().removeWriter(name);
    }

    @Override
    public Playback playback(String name) {
        return connection.mixer().playback(name, thread); // playout futures complete on the job's thread
    }

    @Override
    public JobExecutor executor() {
        return thread;
    }

    @Override
    public void setAttributes(Map<String, String> attributes) {
        Map<String, String> update = Map.copyOf(attributes);
        thread.execute(() -> connection.updateOwnMetadata("", update));
    }

    @Override
    public void setMetadata(String metadata) {
        thread.execute(() -> connection.updateOwnMetadata(metadata, Map.of()));
    }

    @Override
    public TextStreamWriter openTextStream(String topic, Map<String, String> attributes, List<String> destinations) {
        return new JobTextStream(
                topic,
                attributes,
                destinations,
                System.currentTimeMillis(),
                packets -> thread.execute(() -> packets.forEach(p -> connection.send(p, true))));
    }

    @Override
    public void leave() {
        thread.execute(() -> end(new JobEnd(JobEnd.Reason.AGENT_LEFT, "")));
    }

    private void end(JobEnd end) {
        if (ended) {
            return;
        }
        ended = true;
        if (connection != null) {
            connection.leave(); // no-op when already closed; reports onDisconnected, which finds us ended
        }
        started.completeExceptionally(new IllegalStateException("job ended before it started: " + end.detail()));
        guarded("onJobEnd", () -> agent.onJobEnd(end));
        onEnd.accept(this, end);
        thread.shutdown();
    }

    private void guarded(String hook, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("job {}: agent {} failed", info.jobId(), hook, e);
        }
    }
}
