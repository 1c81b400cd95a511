package ai.mindbot.admin.upstream;

import ai.mindbot.admin.AdminSettings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The two services admin actions go through: auth (accounts, sign-in) and time (balances, purchases, sessions). */
@Component
public class Services {

    private final ServiceClient auth;
    private final ServiceClient time;

    Services(AdminSettings settings, JsonMapper json) {
        this.auth = new ServiceClient("auth", settings.authServiceUrl(), settings.upstreamTimeout(), json);
        this.time = new ServiceClient("time", settings.timeServiceUrl(), settings.upstreamTimeout(), json);
    }

    public ServiceClient auth() {
        return auth;
    }

    public ServiceClient time() {
        return time;
    }
}
