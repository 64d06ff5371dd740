package coach.web;

import coach.store.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 serving Slack on /slack/events, plus /health (the database and any added checks) and /metrics. The Slack
 * servlet only ever sees what its gate (the signature filter) let through.
 */
public final class HttpServer implements AutoCloseable {
    private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(3);
    private final Server server;
    private final Map<String, BooleanSupplier> checks = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final ServletContextHandler context;

    public HttpServer(int port, HttpServlet slackServlet, Filter slackGate, Database database, PrometheusMeterRegistry metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        context = new ServletContextHandler();
        context.setContextPath("/");
        if (slackServlet != null) {
            if (slackGate == null) {
                throw new IllegalArgumentException("the Slack endpoint needs its gate");
            }
            context.addFilter(new FilterHolder(slackGate), "/slack/events", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder("slack", slackServlet), "/slack/events");
        }
        context.addServlet(new ServletHolder("health", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                Map<String, Boolean> parts = new LinkedHashMap<>();
                parts.put("database", database.isHealthy());
                checks.forEach((name, check) -> parts.put(name, check.getAsBoolean()));
                boolean up = !parts.containsValue(false);
                StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "up" : "down").append('"');
                parts.forEach((name, ok) -> json.append(",\"").append(name).append("\":\"").append(ok ? "up" : "down").append('"'));
                resp.setStatus(up ? 200 : 503);
                resp.setContentType("application/json");
                resp.setCharacterEncoding("UTF-8");
                resp.getWriter().write(json.append('}').toString());
            }
        }), "/health");
        context.addServlet(new ServletHolder("metrics", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
                resp.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
            }
        }), "/metrics");
        // graceful stop: the connector stops accepting at once, requests in flight get up to STOP_TIMEOUT to finish
        // (Slack waits 3 s for an ack anyway)
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(context);
        server.setHandler(graceful);
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
    }

    /**
     * Adds a part to /health (named in its JSON; the answer is 200 only when every part is up). Call before
     * {@link #start}.
     */
    public void addHealthCheck(String name, BooleanSupplier up) {
        checks.put(name, up);
    }

    /**
     * Serves more paths with one servlet, before {@link #start}. No signature gate: for requests Slack does not sign
     * (a browser's GETs in the OAuth install flow). {@code /slack/events} keeps its gate.
     */
    public HttpServer route(String name, HttpServlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(name, servlet);
        for (String path : paths) {
            if (path.equals("/slack/events")) {
                throw new IllegalArgumentException("/slack/events is only served behind its gate");
            }
            context.addServlet(holder, path);
        }
        return this;
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
