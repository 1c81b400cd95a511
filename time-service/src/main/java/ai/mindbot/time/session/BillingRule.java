package ai.mindbot.time.session;

/**
 * The billing rule, in one place. A session's talk is measured on the server clock from
 * {@code paid_until} (the start, at first) to the commit. Whole seconds are billed, rounding a
 * started second up; {@code paid_until} then moves on by exactly the seconds billed, so the
 * rounding is carried rather than repeated and a session that is never late costs
 * ceil((end - start) / 1 s), however many heartbeats it sent.
 * <p>
 * A commit never bills more than the session holds: if a heartbeat comes after its reservation ran
 * out, the held seconds are billed and the rest of the gap is forgiven ({@code paid_until} jumps to
 * now). That caps what a crashed agent can cost at one slice.
 */
final class BillingRule {

    /** What one commit bills and where the paid-up time then stands. */
    public record Commit(long chargeSeconds, long paidUntil, boolean capped) {}

    private BillingRule() {}

    public static Commit commit(long paidUntilMillis, long heldSeconds, long nowMillis) {
        long elapsed = Math.max(0, nowMillis - paidUntilMillis);
        long due = (elapsed + 999) / 1000;
        if (due <= heldSeconds) {
            return new Commit(due, paidUntilMillis + due * 1000, false);
        }
        return new Commit(heldSeconds, nowMillis, true);
    }
}
