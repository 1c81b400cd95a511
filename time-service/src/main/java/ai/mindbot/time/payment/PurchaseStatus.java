package ai.mindbot.time.payment;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a purchase stands, and the one table of where it may go next ({@link #mayMoveTo}). Every
 * status update in {@link Purchases} is guarded in SQL by {@link #sqlSourcesOf} of its target, so a
 * writer that lost a race (a late failure after a success, a second dispute) moves nothing; Kill
 * Bill keeps its payment states as data for the same reason. Whether a purchase was credited is
 * {@code succeeded_at IS NOT NULL}, not the status: a refunded or disputed purchase was credited
 * once and then taken back.
 */
public enum PurchaseStatus {
    /** Row written, provider not (yet) answered. */
    CREATED,
    /** The provider could not be reached; the same Idempotency-Key may drive it again. */
    UNCONFIRMED,
    /**
     * The PaymentIntent exists but has no card yet: the buyer's browser confirms it with Stripe.js and
     * the client secret (a purchase made without a payment method, Stripe only).
     */
    REQUIRES_PAYMENT_METHOD,
    REQUIRES_ACTION,
    PROCESSING,
    SUCCEEDED,
    FAILED,
    /** Fully refunded. */
    REFUNDED,
    /** Charged back by the card holder. */
    DISPUTED,
    /** A payment event did not match the purchase (amount or currency): not credited, needs a person. */
    REVIEW;

    /**
     * Whether the buyer's browser may still act on the PaymentIntent with its client secret: confirm
     * it, complete 3-D Secure, watch it process, or try another card after a decline (Stripe lets a
     * failed PaymentIntent be confirmed again). Asked only of purchases not credited.
     */
    public boolean openToBuyer() {
        return this == REQUIRES_PAYMENT_METHOD || this == REQUIRES_ACTION || this == PROCESSING || this == FAILED;
    }

    /**
     * The allowed moves, from each status to the next ones. A move to the same status is listed
     * where it happens: a stale {@code created} purchase retried, a PaymentIntent reported waiting
     * again, a second decline, a partial refund, the same dispute told twice.
     */
    private static final Map<PurchaseStatus, Set<PurchaseStatus>> NEXT = new EnumMap<>(PurchaseStatus.class);

    static {
        // Not credited yet: the provider's answer, a webhook or the janitor decides.
        Set<PurchaseStatus> decided = EnumSet.of(FAILED, SUCCEEDED, REVIEW);
        Set<PurchaseStatus> waiting = EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_ACTION, PROCESSING);
        NEXT.put(CREATED, union(EnumSet.of(CREATED, UNCONFIRMED), waiting, decided));
        NEXT.put(UNCONFIRMED, union(EnumSet.of(CREATED), decided));
        NEXT.put(REQUIRES_PAYMENT_METHOD, union(waiting, decided));
        NEXT.put(REQUIRES_ACTION, union(waiting, decided));
        NEXT.put(PROCESSING, union(waiting, decided));
        // A decline may be followed by a success (the buyer's next card) or a mismatch; a mismatch
        // needs a person, but a success the provider reports later is still credited.
        NEXT.put(FAILED, decided);
        NEXT.put(REVIEW, decided);
        // Credited: only take-backs from here, and a refund never turns a dispute back.
        NEXT.put(SUCCEEDED, EnumSet.of(SUCCEEDED, REFUNDED, DISPUTED));
        NEXT.put(REFUNDED, EnumSet.of(REFUNDED, DISPUTED));
        NEXT.put(DISPUTED, EnumSet.of(DISPUTED));
    }

    @SafeVarargs
    private static Set<PurchaseStatus> union(Set<PurchaseStatus>... sets) {
        EnumSet<PurchaseStatus> all = EnumSet.noneOf(PurchaseStatus.class);
        Arrays.stream(sets).forEach(all::addAll);
        return all;
    }

    /** Whether a purchase in this status may be moved to {@code next}. */
    public boolean mayMoveTo(PurchaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses a purchase may move to {@code target} from. */
    public static Set<PurchaseStatus> sourcesOf(PurchaseStatus target) {
        return Arrays.stream(values())
                .filter(from -> from.mayMoveTo(target))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PurchaseStatus.class)));
    }

    /**
     * {@link #sourcesOf} as a SQL list of literals for {@code status IN (...)}: built from the enum's
     * own names, never from input, so it is safe to put in a statement.
     */
    static String sqlSourcesOf(PurchaseStatus target) {
        return sourcesOf(target).stream().map(s -> "'" + s.dbValue() + "'").collect(Collectors.joining(", "));
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PurchaseStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
