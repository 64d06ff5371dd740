package coach.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Everything the app logs while a test runs, written with the app's own log pattern (src/main/resources/logback.xml). */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    public LogCapture() {
        events.setContext(root.getLoggerContext());
        events.start();
        root.addAppender(events);
    }

    /** The log as it would appear on stderr. */
    public String text() {
        @SuppressWarnings("unchecked")
        var encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR")).getEncoder();
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(events.list)) {
            sb.append(new String(encoder.encode(e), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        root.detachAppender(events);
    }
}
