package ai.mindbot.launcher.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.test.Http;
import ai.mindbot.launcher.RunningSystem;
import java.util.Map;

/** Someone with an account on a {@link RunningSystem}, and what they do there. */
record Customer(String name, String token, String id) {

    static Customer register(RunningSystem system, String name) {
        Http.Response registered = system.auth.post(
                "/auth/register",
                Map.of("email", name + "@example.com", "password", AuthServer.PASSWORD, "full_name", name));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String token = registered.json().get("access_token").asString();
        return new Customer(
                name, token, system.auth.get("/auth/me", token).json().get("id").asString());
    }

    /** A customer who bought two time cards and talked once (a session started, metered and ended). */
    static Customer withHistory(RunningSystem system, String name) {
        Customer customer = register(system, name);
        customer.buy(system, "basic_5h");
        customer.buy(system, "starter_1h");
        Http.Response started = system.time.post("/time/sessions", Map.of("room_name", "room-" + name), customer.token);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String session = started.json().get("session_id").asString();
        assertThat(system.time
                        .post("/time/sessions/" + session + "/heartbeat", Map.of(), customer.token)
                        .status())
                .isEqualTo(200);
        assertThat(system.time
                        .post("/time/sessions/" + session + "/end", Map.of(), customer.token)
                        .status())
                .isEqualTo(200);
        return customer;
    }

    void buy(RunningSystem system, String packageId) {
        Http.Response bought = system.time.post(
                "/time/purchase", Map.of("package_id", packageId, "payment_method_id", "pm_card_visa"), token);
        assertThat(bought.status()).as(bought.body()).isBetween(200, 201);
    }
}
