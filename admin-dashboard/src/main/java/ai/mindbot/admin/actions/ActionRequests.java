package ai.mindbot.admin.actions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The bodies admin actions accept. Every action needs a reason: it goes to the audit log and to the owning service. */
final class ActionRequests {

    /** At most a year of talk per grant or take-back, either way. */
    static final long MAX_GRANT_SECONDS = 366L * 24 * 3600;

    private ActionRequests() {}

    /** Positive seconds grant time, negative take it back; never zero. */
    record Grant(
            @NotNull @Min(-MAX_GRANT_SECONDS) @Max(MAX_GRANT_SECONDS)
            Long seconds,

            @NotBlank @Size(max = 500) String reason) {}

    /** Without an amount the whole remaining purchase is refunded. */
    record Refund(
            @Positive Long amountCents,
            @NotBlank @Size(max = 500) String reason) {}

    record Reason(@NotBlank @Size(max = 500) String reason) {}
}
