package ai.mindbot.time.payment;

import ai.mindbot.common.web.ApiException;
import org.springframework.http.HttpStatus;

/** 400: the payment method id is unknown to the provider (or not usable for a card payment). */
public class InvalidPaymentMethodException extends ApiException {

    public static final String CODE = "invalid_payment_method";

    public InvalidPaymentMethodException(String detail) {
        super(HttpStatus.BAD_REQUEST, CODE, detail);
    }
}
