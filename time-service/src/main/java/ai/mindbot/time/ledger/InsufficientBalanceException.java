package ai.mindbot.time.ledger;

import java.util.Map;

import org.springframework.http.HttpStatus;

import ai.mindbot.common.web.ApiException;

/** A debit would take the balance below what it must keep. */
public class InsufficientBalanceException extends ApiException {

    public InsufficientBalanceException(String detail) {
        super(HttpStatus.PAYMENT_REQUIRED, "insufficient_balance", detail, Map.of());
    }
}
