package ai.mindbot.time.payment;

import ai.mindbot.common.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The payment provider could not be reached or failed on its side: nothing was charged or credited. */
public class PaymentsUnavailableException extends ApiException {

    public PaymentsUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "payments_unavailable", detail, Map.of("retry_after_seconds", 5));
    }
}
