package ai.mindbot.time.payment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {"package_id": "basic_5h", "payment_method_id": "pm_card_visa"}}. A payment method id must
 * have the shape of one Stripe accepts ({@code pm_}, or the older {@code card_}/{@code src_}), so
 * that {@code "60"} or {@code true} is refused before a purchase is recorded, not after. Leaving it
 * out (with Stripe configured) asks for a PaymentIntent that the buyer's browser confirms.
 */
record PurchaseRequest(
        @NotBlank @Size(max = 64) String packageId,

        @Size(max = 255) @Pattern(regexp = "(pm|card|src)_[A-Za-z0-9_]+", message = "must look like pm_...")
        String paymentMethodId) {}
