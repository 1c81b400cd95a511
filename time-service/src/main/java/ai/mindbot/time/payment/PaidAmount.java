package ai.mindbot.time.payment;

/**
 * What a payment fact says was paid, for {@link PaymentSettlement#credit}: whether there is
 * anything to compare with the purchase's price before crediting it.
 */
sealed interface PaidAmount {

    /** The confirm call answered our own request for the purchase's price: nothing to compare. */
    static PaidAmount asRequested() {
        return AsRequested.INSTANCE;
    }

    /** What the payment reports, or {@link Unstated} when it states no amount at all. */
    static PaidAmount reported(Long cents, String currency) {
        return cents == null ? new Unstated(currency) : new Reported(cents, currency);
    }

    /** See {@link #asRequested()}. */
    enum AsRequested implements PaidAmount {
        INSTANCE
    }

    /** The amount and currency the payment reports; credited only if they are the purchase's. */
    record Reported(long cents, String currency) implements PaidAmount {}

    /** A payment event that states no amount: never credited on its word, it goes to review. */
    record Unstated(String currency) implements PaidAmount {}
}
