package ai.mindbot.admin.actions;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What an action did: its audit row, outcome, and each service's answer by service name. */
record ActionResult(long auditId, String outcome, Map<String, JsonNode> results) {}
