package ai.mindbot.launcher.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx (scripts/install-nginx) running the shipped {@code deploy/nginx.conf}, unchanged, in
 * front of services on this machine. Only what the shipped file leaves to each site is written here,
 * into a configuration directory of the test's own, exactly where the file says production keeps
 * it: {@code mindbot/upstreams.conf} (the services' ports), the listen lines (free ports on
 * loopback), the access log, and a self-signed certificate for localhost made with openssl.
 */
public final class EdgeProxy implements AutoCloseable {

    static final Path SHIPPED = repositoryFile("deploy/nginx.conf");

    final Path dir;
    final int httpPort;
    final int httpsPort;
    private final Process process;

    private EdgeProxy(Path dir, int httpPort, int httpsPort, Process process) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.process = process;
    }

    static EdgeProxy start(int authPort, int timePort, int adminPort) throws IOException, InterruptedException {
        return start(List.of(authPort), List.of(timePort), List.of(adminPort));
    }

    /** In front of several instances of each service (the cluster check's), one server line each. */
    public static EdgeProxy start(List<Integer> authPorts, List<Integer> timePorts, List<Integer> adminPorts)
            throws IOException, InterruptedException {
        Path nginx = nginx();
        Path dir = Files.createTempDirectory("mindbot-nginx-");
        int httpPort = FreePort.pick();
        int httpsPort = FreePort.pick();
        Files.createDirectories(dir.resolve("mindbot"));
        Files.createDirectories(dir.resolve("tls"));
        // nginx's workers run as nobody and buffer large answers (the web app's livekit-client) here
        Path temp = Files.createDirectories(dir.resolve("temp"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxrwxrwx"));
        write(
                dir.resolve("mindbot/upstreams.conf"),
                "upstream auth_service  { " + servers(authPorts) + " keepalive 16; }",
                "upstream time_service  { " + servers(timePorts) + " keepalive 16; }",
                "upstream admin_service { " + servers(adminPorts) + " keepalive 16; }");
        write(dir.resolve("mindbot/http-server.conf"), "listen 127.0.0.1:" + httpPort + ";");
        write(
                dir.resolve("mindbot/https-server.conf"),
                "listen 127.0.0.1:" + httpsPort + " ssl http2;",
                "server_name localhost;",
                "access_log " + dir.resolve("access.log") + " mindbot;");
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                dir.resolve("tls/privkey.pem").toString(),
                "-out",
                dir.resolve("tls/fullchain.pem").toString()));
        // The main file an nginx package brings, reduced to what a test needs; the site is the shipped file.
        write(
                dir.resolve("nginx.conf"),
                "daemon off;",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " info;",
                "events { worker_connections 256; }",
                "http {",
                "    client_body_temp_path " + temp.resolve("body") + ";",
                "    proxy_temp_path " + temp.resolve("proxy") + ";",
                "    fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                "    scgi_temp_path " + temp.resolve("scgi") + ";",
                "    include " + SHIPPED + ";",
                "}");
        List<String> command = List.of(
                nginx.toString(),
                "-p",
                dir.toString(),
                "-c",
                dir.resolve("nginx.conf").toString());
        run(concat(command, "-t"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        EdgeProxy proxy = new EdgeProxy(dir, httpPort, httpsPort, process);
        proxy.awaitListening();
        return proxy;
    }

    private static String servers(List<Integer> ports) {
        return ports.stream().map(port -> "server 127.0.0.1:" + port + ";").collect(Collectors.joining(" "));
    }

    public String httpsUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** Trusts exactly the certificate this proxy serves. */
    public SSLContext tls() {
        try (InputStream pem = Files.newInputStream(dir.resolve("tls/fullchain.pem"))) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "mindbot-test", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String accessLog() throws IOException {
        return Files.readString(dir.resolve("access.log"), StandardCharsets.UTF_8);
    }

    private void awaitListening() throws InterruptedException, IOException {
        for (int attempt = 0; attempt < 400; attempt++) {
            assertThat(process.isAlive())
                    .as("nginx stopped: " + Files.readString(dir.resolve("nginx.out")))
                    .isTrue();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", httpsPort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError(
                "nginx did not listen on " + httpsPort + ": " + Files.readString(dir.resolve("error.log")));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's master stops its workers and exits
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Path nginx() {
        for (Path candidate : List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("nginx is missing: run scripts/install-nginx (scripts/e2e does)");
    }

    /** A file of the repository, found from the module directory the tests run in. */
    private static Path repositoryFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException(name + " not found above " + Path.of("").toAbsolutePath());
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ":\n" + output)
                .isZero();
    }

    private static List<String> concat(List<String> command, String arg) {
        return Stream.concat(command.stream(), Stream.of(arg)).toList();
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }
}
