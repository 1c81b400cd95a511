package ai.mindbot.time.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The bodies of the admin money actions. Every action needs a reason. */
final class AdminRequests {

    /** Ten years of seconds: more than anyone could need, small enough to catch a typo. */
    static final long MAX_GRANT_SECONDS = 10L * 365 * 24 * 3600;

    private AdminRequests() {}

    /** Positive seconds grant, negative revoke. */
    record Grant(
            @NotBlank @Size(max = 128) String userId,

            @NotNull @Min(-MAX_GRANT_SECONDS) @Max(MAX_GRANT_SECONDS)
            Long seconds,

            @NotBlank @Size(max = 500) String reason) {}

    /** {@code amount_cents} absent: refund everything not refunded yet. */
    record Refund(
            @Positive Long amountCents,
            @NotBlank @Size(max = 500) String reason) {}

    record Reason(@NotBlank @Size(max = 500) String reason) {}
}
