package ai.mindbot.agent.mindbot.services;

import tools.jackson.databind.JsonNode;

/**
 * A service answered a 4xx problem+json: trying again will not help. {@code code} is the problem's
 * stable code ({@code insufficient_balance}, {@code session_ended}, {@code invalid_api_key}, ...),
 * {@code problem} its whole body for the figures some problems carry.
 */
public final class ServiceRefusedException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient JsonNode problem;

    public ServiceRefusedException(int status, String code, JsonNode problem) {
        super(status + " " + code);
        this.status = status;
        this.code = code;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public JsonNode problem() {
        return problem;
    }
}
