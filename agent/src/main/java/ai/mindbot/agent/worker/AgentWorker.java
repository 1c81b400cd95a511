package ai.mindbot.agent.worker;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.api.AgentFactory;
import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.media.AudioClock;
import ai.mindbot.agent.media.LatencyStats;
import ai.mindbot.agent.rtc.MediaLibrary;
import ai.mindbot.agent.ws.ProtoWebSocket;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgent.AvailabilityRequest;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitRtc.SignalResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LiveKit agent worker: keeps a registered {@code /agent} connection (reconnecting with backoff),
 * accepts jobs up to {@link AgentConfig#maxJobs()}, runs each as an {@link AgentJob}, reports its load
 * every {@link #STATUS_INTERVAL}, and on {@link #drain} stops taking jobs and waits for running ones.
 * Protocol state lives on one thread ({@code agent-worker}); jobs run on their own.
 */
public final class AgentWorker implements AutoCloseable {

    static final Duration STATUS_INTERVAL = Duration.ofMillis(2500);
    /** An accepted offer whose assignment never comes stops counting against the limit after this. */
    static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(AgentWorker.class);

    private final AgentConfig config;
    private final AgentFactory factory;
    // late socket callbacks after close() are dropped rather than thrown at the HTTP client's thread
    private final ScheduledExecutorService thread = new ScheduledThreadPoolExecutor(
            1,
            r -> {
                Thread t = new Thread(r, "agent-worker");
                t.setDaemon(true);
                return t;
            },
            new ScheduledThreadPoolExecutor.DiscardPolicy());
    private final AudioClock clock = new AudioClock();
    private final LatencyStats outputLatency = new LatencyStats();
    private final Backoff backoff = Backoff.standard();
    private final Map<String, AgentJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Long> offered = new ConcurrentHashMap<>();
    private final String token;
    private volatile ProtoWebSocket socket;
    private volatile String workerId;
    private volatile CompletableFuture<String> registration = new CompletableFuture<>();
    private volatile boolean draining;
    private volatile boolean closed;

    public AgentWorker(AgentConfig config, AgentFactory factory) {
        this.config = config;
        this.factory = factory;
        this.token = WorkerToken.create(config.apiKey(), config.apiSecret());
    }

    /**
     * Connects in the background; see {@link #registration()}.
     *
     * @throws MediaLibrary.Missing when webrtc-java's native library cannot load here, naming what to install
     */
    public AgentWorker start() {
        loadNativeLibrary();
        thread.execute(this::connect);
        thread.scheduleAtFixedRate(
                this::sendStatus, STATUS_INTERVAL.toMillis(), STATUS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleAtFixedRate(this::logAudioLatency, 30, 30, TimeUnit.SECONDS);
        return this;
    }

    /** Completes with the worker id once registered; after a reconnect, a new future for the next registration. */
    public CompletableFuture<String> registration() {
        return registration;
    }

    public String workerId() {
        return workerId;
    }

    public int activeJobs() {
        return jobs.size();
    }

    public List<AgentJob> jobs() {
        return List.copyOf(jobs.values());
    }

    /** How long our code held audio: from arriving in the runtime to leaving on the agent's track. */
    public LatencyStats outputLatency() {
        return outputLatency;
    }

    /**
     * Takes no new jobs (reports WS_FULL), waits up to {@code timeout} for running jobs to end, then
     * ends the rest and disconnects. Returns how many jobs had to be ended.
     */
    public int drain(Duration timeout) {
        draining = true;
        thread.execute(this::sendStatus);
        log.info("draining: {} job(s) running, waiting up to {} s", jobs.size(), timeout.toSeconds());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!jobs.isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
        }
        int forced = jobs.size();
        jobs.values().forEach(job -> job.terminate(JobEnd.Reason.SHUTDOWN));
        long grace = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!jobs.isEmpty() && System.nanoTime() < grace) {
            sleep(50);
        }
        close();
        return forced;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workerId = null;
        jobs.values().forEach(job -> job.terminate(JobEnd.Reason.SHUTDOWN));
        ProtoWebSocket current = socket;
        if (current != null) {
            current.close();
        }
        thread.shutdown();
        clock.close();
    }

    // ---- protocol, on the worker thread ----

    private void connect() {
        if (closed) {
            return;
        }
        ProtoWebSocket.connect(config.endpoint("/agent", "protocol=1"), token, new ProtoWebSocket.Handler() {
                    @Override
                    public void onMessage(byte[] message) {
                        thread.execute(() -> onServerMessage(message));
                    }

                    @Override
                    public void onClosed(int code, String reason, Throwable error) {
                        thread.execute(() -> onDisconnected(error == null ? code + " " + reason : error.toString()));
                    }
                })
                .whenCompleteAsync(
                        (opened, error) -> {
                            if (error != null) {
                                onDisconnected(
                                        error.getCause() == null
                                                ? error.toString()
                                                : error.getCause().toString());
                                return;
                            }
                            socket = opened;
                            send(WorkerMessages.register(config.agentName()));
                        },
                        thread);
    }

    private void onDisconnected(String why) {
        socket = null;
        workerId = null;
        if (registration.isDone()) {
            registration = new CompletableFuture<>();
        }
        if (closed) {
            return;
        }
        Duration delay = backoff.next();
        log.warn("agent worker disconnected from {} ({}); reconnecting in {} ms", config.url(), why, delay.toMillis());
        thread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onServerMessage(byte[] bytes) {
        ServerMessage message;
        try {
            message = ServerMessage.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            log.warn("unreadable message from LiveKit");
            return;
        }
        switch (message.getMessageCase()) {
            case REGISTER -> {
                workerId = message.getRegister().getWorkerId();
                backoff.reset();
                log.info(
                        "agent worker registered with LiveKit {} as worker {} (agent name '{}', up to {} jobs)",
                        config.url(),
                        workerId,
                        config.agentName(),
                        config.maxJobs());
                sendStatus();
                registration.complete(workerId);
            }
            case AVAILABILITY -> onOffer(message.getAvailability());
            case ASSIGNMENT -> onAssignment(message.getAssignment());
            case TERMINATION -> {
                AgentJob job = jobs.get(message.getTermination().getJobId());
                if (job != null) {
                    job.terminate(JobEnd.Reason.ROOM_CLOSED);
                }
            }
            default -> {
                // pongs
            }
        }
    }

    private void onOffer(AvailabilityRequest offer) {
        long now = System.nanoTime();
        offered.values().removeIf(at -> now - at > ASSIGNMENT_TIMEOUT.toNanos());
        LoadReport load = load();
        if (load.full()) {
            log.info(
                    "declining job {} for room {}: {}",
                    offer.getJob().getId(),
                    offer.getJob().getRoom().getName(),
                    draining ? "draining" : "full");
            send(WorkerMessages.decline(offer.getJob()));
            return;
        }
        offered.put(offer.getJob().getId(), now);
        send(WorkerMessages.accept(offer.getJob(), config.agentName()));
    }

    private void onAssignment(JobAssignment assignment) {
        String jobId = assignment.getJob().getId();
        Long offeredAt = offered.remove(jobId);
        AgentJob job = new AgentJob(
                assignment, offeredAt == null ? System.nanoTime() : offeredAt, config, factory, this::onJobEnded);
        jobs.put(jobId, job);
        job.started().thenRunAsync(() -> send(WorkerMessages.jobRunning(jobId)), thread);
        job.start(assignment, clock, outputLatency);
        sendStatus();
    }

    private void onJobEnded(AgentJob job, JobEnd end) {
        thread.execute(() -> {
            jobs.remove(job.job().jobId());
            send(WorkerMessages.jobEnded(job.job().jobId(), end.failed() ? end.detail() : null));
            sendStatus();
        });
    }

    /** Operators (and the benchmark) read how long audio stays in our code from this line. */
    private void logAudioLatency() {
        if (outputLatency.count() == 0) {
            return;
        }
        log.info(
                "{} job(s); audio held in agent code: p50 {} ms, p95 {} ms, p99 {} ms over {} frames",
                jobs.size(),
                outputLatency.percentileMillis(0.5),
                outputLatency.percentileMillis(0.95),
                outputLatency.percentileMillis(0.99),
                outputLatency.count());
        outputLatency.reset();
    }

    LoadReport load() {
        return new LoadReport(jobs.size() + offered.size(), config.maxJobs(), draining);
    }

    private void sendStatus() {
        if (workerId != null) {
            send(WorkerMessages.status(load()));
        }
    }

    private void send(WorkerMessage message) {
        ProtoWebSocket current = socket;
        if (current != null) {
            current.send(message.toByteArray());
        }
    }

    /**
     * Loads libwebrtc and the signalling classes when the worker starts rather than in the first job:
     * unpacking and linking the 23 MB library and a first factory otherwise add most of a second to
     * the first room's time to audio. The warm-up factory is disposed at once; no room is pre-started.
     */
    private static void loadNativeLibrary() {
        MediaLibrary.require();
        HeadlessAudioDeviceModule module = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(module);
        factory.dispose();
        module.dispose();
        SignalResponse.getDefaultInstance().toByteArray();
        ServerMessage.getDefaultInstance().toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
