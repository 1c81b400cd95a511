package ai.mindbot.agent.worker;

import io.livekit.server.AccessToken;
import io.livekit.server.Agent;

/** The token a worker authenticates {@code /agent} with: no identity or room, just {@code video.agent=true}. */
final class WorkerToken {

    private WorkerToken() {}

    static String create(String apiKey, String apiSecret) {
        AccessToken token = new AccessToken(apiKey, apiSecret);
        token.addGrants(new Agent(true));
        return token.toJwt();
    }
}
