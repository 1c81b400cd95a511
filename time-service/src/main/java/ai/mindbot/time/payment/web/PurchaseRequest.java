package ai.mindbot.time.payment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {"package_id": "basic_5h", "payment_method_id": "pm_card_visa"}} */
record PurchaseRequest(
        @NotBlank @Size(max = 64) String packageId,
        @NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9_]+", message = "must look like pm_...") String paymentMethodId) {
}
