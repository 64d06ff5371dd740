package coach;

import java.util.List;
import org.slf4j.Logger;

/** Stops parts in the reverse of the order they were started, so nothing is stopped before what depends on it. */
final class NewestFirst {
    private NewestFirst() {}

    /** Closes every part, newest first; a part that fails to close is logged and the rest still close. */
    static void close(List<AutoCloseable> parts, Logger log) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
        parts.clear();
    }
}
