package ai.mindbot.admin.audit;

import java.util.Locale;

/** How an audited action ended. PENDING is only seen if the process died mid-action. */
public enum Outcome {
    PENDING,
    SUCCEEDED,
    PARTIAL,
    FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
