package ai.mindbot.launcher.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import ai.mindbot.agent.e2e.FreePorts;
import ai.mindbot.common.test.Http;

/**
 * Debian's nginx running the shipped {@code deploy/nginx.conf} with this machine's instances as
 * its upstreams, on loopback ports, with a certificate made for the run and trusted by the
 * check's client only.
 */
final class Nginx implements AutoCloseable {

    private final Path dir;
    private final int httpsPort;
    private final int httpPort;
    private Process process;

    private Nginx(Path dir, int httpsPort, int httpPort) {
        this.dir = dir;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    /** Picks the ports now, so services can be told the edge's address before nginx starts. */
    static Nginx reserve(Path work) throws IOException {
        return new Nginx(Files.createDirectories(work.resolve("nginx")), FreePorts.tcp(), FreePorts.tcp());
    }

    String url() {
        return "https://localhost:" + httpsPort;
    }

    void start(List<ServiceProcess> auths, List<ServiceProcess> times, ServiceProcess admin) throws Exception {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost", "-keyout", dir.resolve("privkey.pem").toString(), "-out",
                dir.resolve("fullchain.pem").toString());
        Path shipped = Path.of("").toAbsolutePath().getParent().resolve("deploy/nginx.conf");
        String site = Files.readString(shipped)
                .replace("upstream auth_service  { server auth-service:8000;", "upstream auth_service  { " + servers(auths))
                .replace("upstream time_service  { server time-service:8001;", "upstream time_service  { " + servers(times))
                .replace("upstream admin_service { server admin-dashboard:8002;", "upstream admin_service { "
                        + servers(List.of(admin)))
                .replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl;")
                .replace("/etc/nginx/tls/", dir + "/");
        Files.writeString(dir.resolve("site.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes 2;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(dir));
        process = new ProcessBuilder("nginx", "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", httpsPort)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                ServiceProcess.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
    }

    /** A client that trusts this run's certificate and nothing else. */
    Http http() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(dir.resolve("fullchain.pem"))) {
            trust.setCertificateEntry("edge", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return new Http(url(), HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build());
    }

    private static String servers(List<ServiceProcess> instances) {
        return instances.stream().map(s -> "server 127.0.0.1:" + s.port() + " max_fails=1 fail_timeout=2s;")
                .collect(Collectors.joining(" "));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", command) + ": " + out));
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
