package ai.mindbot.admin.actions;

import ai.mindbot.admin.audit.AuditLog;
import ai.mindbot.admin.audit.Outcome;
import ai.mindbot.admin.upstream.UpstreamAnswer;
import ai.mindbot.common.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Carries out an action as an audited sequence of service calls: the audit row is opened, every
 * call is made (a disable must reach both services even if one refuses), and the row is closed
 * with the outcome. Success answers the services' replies; a refusal is passed on with the
 * service's status and code; an unreachable or failing service is a 502.
 */
@Component
class ActionRunner {

    private final AuditLog audit;

    ActionRunner(AuditLog audit) {
        this.audit = audit;
    }

    ActionResult run(AuditLog.Intent intent, List<Supplier<UpstreamAnswer>> calls) {
        long auditId = audit.open(intent);
        List<UpstreamAnswer> answers = new ArrayList<>();
        try {
            for (Supplier<UpstreamAnswer> call : calls) {
                answers.add(call.get());
            }
        } finally {
            audit.close(
                    auditId,
                    outcome(answers, calls.size()),
                    answers.stream().map(UpstreamAnswer::summary).collect(Collectors.joining("; ")));
        }
        Outcome outcome = outcome(answers, calls.size());
        if (outcome == Outcome.SUCCEEDED) {
            Map<String, JsonNode> results = new LinkedHashMap<>();
            answers.forEach(a -> results.put(a.service(), a.body()));
            return new ActionResult(auditId, outcome.dbValue(), results);
        }
        throw refusal(auditId, outcome, answers);
    }

    private static Outcome outcome(List<UpstreamAnswer> answers, int expected) {
        long ok = answers.stream().filter(UpstreamAnswer::ok).count();
        if (ok == expected && answers.size() == expected) {
            return Outcome.SUCCEEDED;
        }
        return ok == 0 ? Outcome.FAILED : Outcome.PARTIAL;
    }

    private static ApiException refusal(long auditId, Outcome outcome, List<UpstreamAnswer> answers) {
        UpstreamAnswer first = answers.stream().filter(a -> !a.ok()).findFirst().orElseThrow();
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("audit_id", auditId);
        extras.put("outcome", outcome.dbValue());
        extras.put("service", first.service());
        if (first.code() != null) {
            extras.put("service_code", first.code());
        }
        String detail = answers.stream().map(UpstreamAnswer::summary).collect(Collectors.joining("; "));
        if (outcome == Outcome.PARTIAL) {
            return new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "partially_applied",
                    "the action was applied only in part (" + detail + "); check and retry",
                    extras);
        }
        if (first.unreachable() || first.status() >= 500) {
            return new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "service_unavailable",
                    "the " + first.service() + " service could not carry out the action (" + detail + ")",
                    extras);
        }
        JsonNode upstreamDetail = first.body() == null ? null : first.body().get("detail");
        String sentence = upstreamDetail != null && !upstreamDetail.isNull()
                ? upstreamDetail.asString()
                : "the " + first.service() + " service refused the action";
        HttpStatus status = HttpStatus.resolve(first.status());
        return new ApiException(
                status == null ? HttpStatus.BAD_GATEWAY : status,
                first.code() == null ? "refused" : first.code(),
                sentence,
                extras);
    }
}
