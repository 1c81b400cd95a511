package ai.mindbot.time.ledger;

import ai.mindbot.common.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A debit would take the balance below what it must keep. */
public class InsufficientBalanceException extends ApiException {

    public InsufficientBalanceException(String detail) {
        super(HttpStatus.PAYMENT_REQUIRED, "insufficient_balance", detail, Map.of());
    }
}
