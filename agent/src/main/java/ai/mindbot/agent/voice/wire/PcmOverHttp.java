package ai.mindbot.agent.voice.wire;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.TtsEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request whose answer is raw 16-bit little-endian mono PCM (OpenAI {@code pcm}, Deepgram
 * {@code linear16} with {@code container=none}) and passes the body on as {@link TtsEvent.Audio}
 * pieces as the bytes arrive, so playback can start on the first chunk instead of after the whole
 * sentence. 429 and 5xx are retried by the {@link RetryPolicy}; any other non-200 fails at once.
 */
public final class PcmOverHttp {

    private static final Logger log = LoggerFactory.getLogger(PcmOverHttp.class);

    /** 100 ms at 24 kHz: small enough that the first piece leaves as soon as the provider sends it. */
    private static final int READ_BYTES = 4_800;

    private final String provider;
    private final HttpClient http;
    private final ExecutorService readers;
    private final RetryPolicy retry;

    public PcmOverHttp(String provider, HttpClient http, ExecutorService readers, RetryPolicy retry) {
        this.provider = provider;
        this.http = http;
        this.readers = readers;
        this.retry = retry;
    }

    public Cancellable post(HttpRequest request, Consumer<TtsEvent> events) {
        EventGate<TtsEvent> gate = new EventGate<>(events);
        AtomicReference<InputStream> body = new AtomicReference<>();
        AtomicReference<CompletableFuture<?>> pending = new AtomicReference<>();
        Future<?> reader = readers.submit(() -> run(request, gate, body, pending));
        return () -> {
            gate.cancel();
            reader.cancel(true);
            CompletableFuture<?> waiting = pending.get();
            if (waiting != null) {
                waiting.cancel(true);
            }
            closeQuietly(body.get());
        };
    }

    private void run(
            HttpRequest request,
            EventGate<TtsEvent> gate,
            AtomicReference<InputStream> body,
            AtomicReference<CompletableFuture<?>> pending) {
        try {
            HttpResponse<InputStream> response = sendWithRetries(request, gate, pending);
            if (response == null) {
                return;
            }
            body.set(response.body());
            if (!gate.isOpen()) {
                closeQuietly(response.body());
                return;
            }
            stream(response.body(), gate);
        } catch (InterruptedException cancelled) {
            Thread.currentThread().interrupt();
        } catch (ProviderException refused) {
            gate.finish(new TtsEvent.Failed(refused));
        } catch (Exception broken) {
            if (gate.isOpen()) {
                gate.finish(new TtsEvent.Failed(new ProviderException(
                        provider + ": the audio stream broke (" + describe(broken) + ")", broken)));
            }
        }
    }

    private HttpResponse<InputStream> sendWithRetries(
            HttpRequest request, EventGate<TtsEvent> gate, AtomicReference<CompletableFuture<?>> pending)
            throws InterruptedException, ProviderException, IOException {
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<HttpResponse<InputStream>> sent =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            pending.set(sent);
            HttpResponse<InputStream> response;
            try {
                response = sent.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (CancellationException e) {
                return null;
            }
            int status = response.statusCode();
            if (status == 200) {
                return response;
            }
            String detail = errorBody(response.body());
            if (RetryPolicy.retryable(status) && attempt < retry.maxRetries() && gate.isOpen()) {
                Duration wait = retry.delay(attempt + 1, response.headers().firstValue("Retry-After"));
                log.info("{} answered {}; retrying in {} ms", provider, status, wait.toMillis());
                Thread.sleep(wait.toMillis());
                continue;
            }
            throw new ProviderException(provider + " answered " + status + ": " + detail, status);
        }
    }

    private static void stream(InputStream in, EventGate<TtsEvent> gate) throws IOException {
        byte[] buffer = new byte[READ_BYTES];
        int carried = 0;
        try (in) {
            while (true) {
                int n = in.read(buffer, carried, buffer.length - carried);
                if (n < 0) {
                    break;
                }
                int have = carried + n;
                int whole = have & ~1;
                if (whole > 0 && !gate.deliver(new TtsEvent.Audio(littleEndianShorts(buffer, whole)))) {
                    return;
                }
                // A chunk boundary may split a sample: keep its first byte for the next read.
                carried = have - whole;
                if (carried == 1) {
                    buffer[0] = buffer[whole];
                }
            }
        }
        gate.finish(new TtsEvent.Done());
    }

    static short[] littleEndianShorts(byte[] bytes, int length) {
        short[] samples = new short[length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return samples;
    }

    private static String errorBody(InputStream in) {
        try (in) {
            String text = new String(in.readNBytes(300), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no body)" : text;
        } catch (IOException e) {
            return "(unreadable body)";
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing is how we abandon the body; nothing more to do if it was already broken.
            }
        }
    }
}
