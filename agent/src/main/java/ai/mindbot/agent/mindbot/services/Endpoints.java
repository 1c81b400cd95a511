package ai.mindbot.agent.mindbot.services;

import java.net.URI;

/** A path under a service's base URL, keeping any path the base has (a service behind a proxy at {@code /api}). */
public final class Endpoints {

    private Endpoints() {}

    public static URI under(URI base, String pathAndQuery) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + pathAndQuery);
    }
}
