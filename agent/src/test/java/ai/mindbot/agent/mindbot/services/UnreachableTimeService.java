package ai.mindbot.agent.mindbot.services;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

/** A real {@link HttpTimeService} aimed at a loopback port nothing listens on: every call finds the time service down. */
public final class UnreachableTimeService {

    private UnreachableTimeService() {}

    public static HttpTimeService create(JsonHttp http) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        return new HttpTimeService(http, nowhere, new AgentCredential(http, nowhere, "key", System::nanoTime));
    }
}
