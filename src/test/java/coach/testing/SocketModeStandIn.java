package coach.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Slack's side of Socket Mode: a real WebSocket server (Jetty) on a free loopback port. The app connects to
 * {@link #url()} (handed out by the Web API stand-in's apps.connections.open), gets a "hello", and then receives the
 * envelopes a test sends; everything the app sends back (acks) is kept in order.
 */
public final class SocketModeStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Server server = new Server();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile Session session;

    public SocketModeStandIn() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container ->
                container.addMapping("/link", (request, response, callback) -> new Endpoint(this))));
        server.setHandler(context);
        server.start();
    }

    /** The ws:// URL apps.connections.open returns. */
    public String url() {
        return "ws://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/link";
    }

    public boolean awaitConnected(long seconds) throws InterruptedException {
        return connected.await(seconds, TimeUnit.SECONDS);
    }

    /** Sends an envelope to the app, as Slack does. */
    public void send(Object envelope) throws Exception {
        session.sendText(JSON.writeValueAsString(envelope), Callback.NOOP);
    }

    /** The next message the app sent, or null after {@code seconds}. */
    public JsonNode next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    /** Public: Jetty calls the listener's methods reflectively. */
    public static final class Endpoint extends Session.Listener.AbstractAutoDemanding {
        private final SocketModeStandIn standIn;

        Endpoint(SocketModeStandIn standIn) {
            this.standIn = standIn;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            super.onWebSocketOpen(s);
            standIn.session = s;
            s.sendText("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"standin\"},"
                    + "\"connection_info\":{\"app_id\":\"A1\"}}", Callback.NOOP);
            standIn.connected.countDown();
        }

        @Override
        public void onWebSocketText(String message) {
            try {
                standIn.received.add(JSON.readTree(message));
            } catch (Exception e) {
                standIn.received.add(JSON.getNodeFactory().textNode(message));
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
