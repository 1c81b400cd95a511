package ai.mindbot.admin.upstream;

import tools.jackson.databind.JsonNode;

/** What a service answered to one call: its status and JSON body, or {@code status 0} when it could not be reached. */
public record UpstreamAnswer(String service, int status, JsonNode body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean unreachable() {
        return status == 0;
    }

    /** The problem code the service gave, if any. */
    public String code() {
        JsonNode code = body == null ? null : body.get("code");
        return code == null || code.isNull() ? null : code.asString();
    }

    public String summary() {
        if (unreachable()) {
            return service + ": unreachable";
        }
        String code = code();
        return service + ": " + status + (code == null ? "" : " " + code);
    }
}
