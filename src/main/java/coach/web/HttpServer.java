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
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 serving Slack on /slack/events, plus /health and /metrics. The Slack servlet only ever sees what its
 * gate (the signature filter) let through.
 */
public final class HttpServer implements AutoCloseable {
    private final Server server;
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
                boolean up = database.isHealthy();
                resp.setStatus(up ? 200 : 503);
                resp.setContentType("application/json");
                resp.setCharacterEncoding("UTF-8");
                resp.getWriter().write(up ? "{\"status\":\"up\",\"database\":\"up\"}" : "{\"status\":\"down\",\"database\":\"down\"}");
            }
        }), "/health");
        context.addServlet(new ServletHolder("metrics", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
                resp.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
            }
        }), "/metrics");
        server.setHandler(context);
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
