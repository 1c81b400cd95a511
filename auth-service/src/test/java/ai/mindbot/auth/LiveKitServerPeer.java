package ai.mindbot.auth;

import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.PeerProcess;
import ai.mindbot.common.test.PeerProcesses;
import java.util.List;

/**
 * A real {@code livekit-server} (installed by {@code scripts/install-livekit} into {@code .peers/bin},
 * which {@code scripts/e2e} puts on the PATH) on free ports, with the test's LiveKit key pair.
 */
public final class LiveKitServerPeer implements AutoCloseable {

    private final PeerProcess process;
    private final int port;

    private LiveKitServerPeer(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static LiveKitServerPeer start(String apiKey, String apiSecret) {
        String binary = PeerProcesses.onPath("livekit-server", "scripts/install-livekit")
                .toString();
        int port = FreePort.pick();
        String config = """
                port: %d
                bind_addresses: ["127.0.0.1"]
                rtc:
                  tcp_port: %d
                  udp_port: %d
                  use_external_ip: false
                  node_ip: 127.0.0.1
                keys:
                  %s: %s
                logging:
                  level: warn
                """.formatted(port, FreePort.pick(), FreePort.pick(), apiKey, apiSecret);
        return new LiveKitServerPeer(
                PeerProcess.start(
                        "livekit-server", List.of(binary, "--config-body", config), PeerProcess.answering(port)),
                port);
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
