package ai.mindbot.auth.app;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Serves a stand-in for Stripe.js (stripe-js-stand-in.js) at {@code https://js.stripe.com/v3/}, for
 * one test browser only. The page must load Stripe.js from js.stripe.com (Stripe's rule, and the only
 * script origin its CSP admits besides its own), and tests reach no internet. So the test's Chromium
 * is told to resolve js.stripe.com to this loopback server ({@code --host-resolver-rules}) and to
 * accept the certificate made here for it, by its key ({@code --ignore-certificate-errors-spki-list}):
 * the page, its CSP and its script URL stay exactly as in production, nothing in the product knows.
 */
final class StripeJsStandIn implements AutoCloseable {

    static final String HOST = "js.stripe.com";
    private static final String PASSWORD = "stand-in";

    private final HttpsServer server;
    private final String spkiHash;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private StripeJsStandIn(HttpsServer server, String spkiHash) {
        this.server = server;
        this.spkiHash = spkiHash;
    }

    static StripeJsStandIn start() {
        try {
            KeyStore keys = certificateFor(HOST);
            SSLContext tls = SSLContext.getInstance("TLS");
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, PASSWORD.toCharArray());
            tls.init(managers.getKeyManagers(), null, null);
            byte[] spki = keys.getCertificate(HOST).getPublicKey().getEncoded();
            String hash = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));

            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            StripeJsStandIn standIn = new StripeJsStandIn(server, hash);
            byte[] script = script();
            server.createContext("/", exchange -> {
                standIn.requests.add(exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI());
                boolean found = "/v3/".equals(exchange.getRequestURI().getPath());
                exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
                exchange.sendResponseHeaders(found ? 200 : 404, found ? script.length : -1);
                if (found) {
                    exchange.getResponseBody().write(script);
                }
                exchange.close();
            });
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException("could not make the stand-in's certificate", e);
        }
    }

    /** What the browser must be started with to reach this server as js.stripe.com. */
    String[] chromiumArguments() {
        return new String[] {
            "--host-resolver-rules=MAP " + HOST + " 127.0.0.1:"
                    + server.getAddress().getPort(),
            "--ignore-certificate-errors-spki-list=" + spkiHash
        };
    }

    /** Host and path of every request served, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] script() throws IOException {
        try (InputStream in = StripeJsStandIn.class.getResourceAsStream("stripe-js-stand-in.js")) {
            return in.readAllBytes();
        }
    }

    /** A self-signed certificate for the host, made by the JDK's keytool (no test dependency needed). */
    private static KeyStore certificateFor(String host)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("stripe-js-stand-in");
        Path store = dir.resolve("keys.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        host,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + host,
                        "-ext",
                        "SAN=dns:" + host,
                        "-ext",
                        "EKU=serverAuth",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }
}
