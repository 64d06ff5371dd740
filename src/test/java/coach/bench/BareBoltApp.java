package coach.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The baseline of the ack bench: Bolt's starter app on the same Jetty 12 and servlet adapter, whose {@code /mock}
 * handler acks at once and does nothing else (no database, no replay check). Bolt verifies the signature itself.
 * With a fourth argument, an H2 file URL, it is the floor of a durable ack instead: before acking, the handler
 * inserts the command's text and waits for the commit to be written to the file (H2 with WRITE_DELAY=0), and does
 * nothing after the ack.
 * {@code BareBoltApp <port> <signing secret> <Slack API URL> [H2 file URL]}
 */
public final class BareBoltApp {
    private BareBoltApp() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(args[2]);
        App app = new App(AppConfig.builder().signingSecret(args[1]).singleTeamBotToken("xoxb-bare")
                .slack(Slack.getInstance(slackConfig)).build());
        if (args.length > 3) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(args[3] + ";WRITE_DELAY=0", "sa", "");
            try (var c = pool.getConnection()) {
                c.createStatement().execute("create table if not exists command(id identity, user_id varchar, text varchar)");
            }
            app.command("/mock", (req, ctx) -> {
                try (var c = pool.getConnection();
                     var insert = c.prepareStatement("insert into command(user_id, text) values (?, ?)")) {
                    insert.setString(1, req.getPayload().getUserId());
                    insert.setString(2, req.getPayload().getText());
                    insert.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return ctx.ack("Here is your question.");
            });
        } else {
            app.command("/mock", (req, ctx) -> ctx.ack("Here is your question."));
        }
        Server server = new Server(new QueuedThreadPool(200, 8));
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("slack", new SlackAppServlet(app)), "/slack/events");
        server.setHandler(context);
        server.start();
        System.out.println("PORT=" + connector.getLocalPort());
        server.join();
    }
}
