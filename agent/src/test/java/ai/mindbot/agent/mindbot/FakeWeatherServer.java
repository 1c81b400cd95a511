package ai.mindbot.agent.mindbot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Open-Meteo's geocoding ({@code /v1/search}) and forecast ({@code /v1/forecast}) APIs on a loopback
 * port, answering in their JSON shapes: Berlin is known (overcast, 3.4 °C), every other name finds
 * nothing, as the real geocoder answers an unknown place (no {@code results} key).
 */
public final class FakeWeatherServer implements AutoCloseable {

    private final HttpServer server;
    public final List<String> queries = new CopyOnWriteArrayList<>();

    public FakeWeatherServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/search", this::search);
        server.createContext("/v1/forecast", this::forecast);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void search(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        queries.add("search " + query);
        String name = query.replaceAll(".*name=([^&]*).*", "$1");
        if (name.equalsIgnoreCase("berlin")) {
            send(exchange, """
                    {"results":[{"id":2950159,"name":"Berlin","latitude":52.52437,"longitude":13.41053,"elevation":74.0,
                    "feature_code":"PPLC","country_code":"DE","timezone":"Europe/Berlin","population":3426354,
                    "country":"Germany","admin1":"Land Berlin"}],"generationtime_ms":0.8}""");
        } else {
            send(exchange, "{\"generationtime_ms\":0.5}");
        }
    }

    private void forecast(HttpExchange exchange) throws IOException {
        queries.add("forecast " + exchange.getRequestURI().getQuery());
        send(exchange, """
                {"latitude":52.52,"longitude":13.419998,"generationtime_ms":0.05,"utc_offset_seconds":0,"timezone":"GMT",
                "timezone_abbreviation":"GMT","elevation":38.0,
                "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"°C","relative_humidity_2m":"%",
                "weather_code":"wmo code","wind_speed_10m":"km/h"},
                "current":{"time":"2026-12-02T12:00","interval":900,"temperature_2m":3.4,"relative_humidity_2m":81,
                "weather_code":3,"wind_speed_10m":14.2}}""");
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
