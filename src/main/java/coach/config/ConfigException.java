package coach.config;

import java.nio.file.Path;

/**
 * A config or prompt file that cannot be used. Start-up stops with this message, which names the file,
 * the field and the reason, so the person editing the file knows exactly what to fix.
 */
public class ConfigException extends RuntimeException {
    private final String file;
    private final String field;
    private final String reason;

    public ConfigException(Path file, String field, String reason) {
        this(file.toString(), field, reason, null);
    }

    public ConfigException(String file, String field, String reason, Throwable cause) {
        super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + reason, cause);
        this.file = file;
        this.field = field;
        this.reason = reason;
    }

    public String file() { return file; }
    public String field() { return field; }
    public String reason() { return reason; }
}
