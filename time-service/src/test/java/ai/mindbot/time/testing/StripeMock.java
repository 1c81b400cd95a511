package ai.mindbot.time.testing;

import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.PeerProcess;
import ai.mindbot.common.test.PeerProcesses;
import java.util.List;

/**
 * stripe-mock, Stripe's API mock, started on a free port for the end-to-end tests. It must have been
 * installed by scripts/install-stripe-mock (into .peers/bin) or be on PATH; if it is not, the test
 * fails: a missing peer is never a skip.
 */
public final class StripeMock implements AutoCloseable {

    private final PeerProcess process;
    private final int port;

    private StripeMock(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static StripeMock start() {
        return start(FreePort.pick());
    }

    /** On a given port: a test that stopped stripe-mock to play "Stripe is unreachable" brings it back there. */
    public static StripeMock start(int port) {
        String binary = PeerProcesses.installed("stripe-mock", "scripts/install-stripe-mock")
                .toString();
        // HTTPS on a free port too: its default (12112) is one port for every stripe-mock on the machine
        return new StripeMock(
                PeerProcess.start(
                        "stripe-mock",
                        List.of(binary, "-http-addr", "127.0.0.1:" + port, "-https-addr", "127.0.0.1:0"),
                        PeerProcess.listening(port)),
                port);
    }

    public String apiBase() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The requests stripe-mock received so far, as it logs them: "GET /v1/payment_intents/pi_...". */
    public List<String> requests() {
        return process.logLines().stream()
                .filter(line -> line.startsWith("Request: "))
                .map(line -> line.substring("Request: ".length()))
                .toList();
    }

    @Override
    public void close() {
        process.close();
    }
}
