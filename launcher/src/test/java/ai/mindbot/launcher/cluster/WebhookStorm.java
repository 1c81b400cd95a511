package ai.mindbot.launcher.cluster;

import ai.mindbot.common.test.Http;
import ai.mindbot.time.testing.StripeEvents;
import ai.mindbot.time.testing.StripeSignatures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripe's delivery as it really is: at least once, in no particular order, to whichever instance
 * the load balancer picks. Each pending PaymentIntent gets two different {@code succeeded} events
 * (Stripe may send a second event for the same payment), each delivered twice, all shuffled and
 * sent at once, half straight to one time instance and half to the other.
 */
final class WebhookStorm {

    private final String secret;
    private final Retrying retrying;

    WebhookStorm(String secret, Retrying retrying) {
        this.secret = secret;
        this.retrying = retrying;
    }

    /** Sends everything and returns how many deliveries were not answered 200. */
    int deliver(List<ClusterWorkload.PendingIntent> intents, List<String> timeInstanceUrls, long seed)
            throws InterruptedException {
        List<String> events = new ArrayList<>();
        for (ClusterWorkload.PendingIntent intent : intents) {
            for (int copy = 0; copy < 2; copy++) {
                String event = StripeEvents.succeeded(
                        intent.paymentIntentId(), intent.amountCents(), "usd", intent.purchaseId());
                events.add(event);
                events.add(event);
            }
        }
        Random random = new Random(seed);
        Collections.shuffle(events, random);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            Http instance = new Http(timeInstanceUrls.get(i % timeInstanceUrls.size()));
            pool.submit(() -> {
                Http.Response answer = retrying.call(
                        "webhook",
                        () -> instance.send(
                                "POST",
                                "/webhooks/stripe",
                                event,
                                null,
                                Map.of("Stripe-Signature", StripeSignatures.header(secret, event))));
                if (answer.status() != 200) {
                    refused.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        return refused.get();
    }
}
