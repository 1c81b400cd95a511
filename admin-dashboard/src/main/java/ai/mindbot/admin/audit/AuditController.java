package ai.mindbot.admin.audit;

import ai.mindbot.admin.web.Paging;
import ai.mindbot.admin.web.PagingRefusals;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/audit?limit=&offset=&target_type=&target_id=}: newest first. */
@RestController
class AuditController {

    record AuditPage(List<AuditEntry> entries, long total, int limit, int offset) {}

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @PagingRefusals
    @GetMapping("/admin/audit")
    AuditPage audit(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(name = "target_type", defaultValue = "") String targetType,
            @RequestParam(name = "target_id", defaultValue = "") String targetId) {
        Paging.check(limit, offset);
        return new AuditPage(
                log.page(targetType, targetId, limit, offset), log.count(targetType, targetId), limit, offset);
    }
}
