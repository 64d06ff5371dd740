package coach.comp;

import coach.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of comp replies: one Mustache template per key in {@code config/comp-replies.yaml}, checked at start
 * against {@code comp-replies.schema.json} (every key the code uses, no unknown key) and compiled once. In a template
 * {@code **x**} is strong, {@code _x_} emphasis and {@code `x`} code, which each adapter renders its own way; a value
 * filled in is never read as styling. Immutable and thread-safe.
 */
final class Wording {
    static final String FILE_NAME = "comp-replies.yaml";
    private static final JsonNode SCHEMA_TREE = schemaTree();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_TREE);
    private static final Pattern STYLED = Pattern.compile("\\*\\*(.+?)\\*\\*|(?<![\\p{L}\\p{N}])_(.+?)_(?![\\p{L}\\p{N}])|`(.+?)`");
    /** A line of output: "• " starts a bullet, "1. " a numbered step; a blank line (a section left out) is dropped. */
    private static final Pattern KIND = Pattern.compile("(?:(•|\\d+\\.) )?(\\S.*)");
    /** Styling characters inside a value are swapped for these while the styling is read, then swapped back. */
    private static final String MARKS = "*_`";
    private static final String HIDDEN = "\uE000\uE001\uE002";
    private final Map<String, Mustache> templates = new HashMap<>();

    private Wording(Path file, JsonNode root) {
        List<String> known = SCHEMA_TREE.path("required").valueStream().map(JsonNode::asText).toList();
        root.properties().stream().map(Map.Entry::getKey).filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new ConfigException(file, k, "unknown template (the code uses: " + String.join(", ", known) + ")");
        });
        SCHEMA.validate(root).stream().findFirst().ifPresent(e -> {
            throw new ConfigException(file, e.getInstanceLocation().toString().replaceFirst("^/", ""), switch (e.getKeyword()) {
                case "required" -> "missing template '" + e.getProperty() + "'";
                case "type", "pattern" -> "a template must be non-empty text";
                default -> e.getMessage();
            });
        });
        // {{> key}} includes another template of the file (an unknown key does not parse)
        DefaultMustacheFactory factory = new DefaultMustacheFactory(
                name -> root.has(name) ? new StringReader(root.get(name).asText()) : null) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(swap(value, MARKS, HIDDEN));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        root.fields().forEachRemaining(f -> {
            try {
                templates.put(f.getKey(), factory.compile(new StringReader(f.getValue().asText()), f.getKey()));
            } catch (MustacheException e) {
                throw new ConfigException(file.toString(), f.getKey(), "not a valid template: " + e.getMessage(), e);
            }
        });
    }

    private static JsonNode schemaTree() {
        try (var in = Wording.class.getResourceAsStream("/comp-replies.schema.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // (packaged with the code)
        }
    }

    /** Reads and checks {@code comp-replies.yaml} in the config directory; a problem throws a ConfigException. */
    static Wording load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        try {
            return new Wording(file, new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The template {@code key} filled with values given as name, value pairs (a Boolean opens a section, a List repeats
     * one), as reply lines: one per line of output, a line starting "• " a bullet and "1. " a numbered step; empty
     * lines (a section left out) are dropped.
     */
    List<CompReply.Line> lines(String key, Object... namesAndValues) {
        return lines(key, values(namesAndValues));
    }

    /** The same with the values in maps; a name is looked up in the last map first. */
    List<CompReply.Line> lines(String key, Map<?, ?>... scopes) {
        StringWriter out = new StringWriter();
        templates.get(key).execute(out, List.of((Object[]) scopes));
        List<CompReply.Line> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            Matcher kind = KIND.matcher(line);
            if (kind.matches()) {
                lines.add(CompReply.line(kind.group(1) == null ? CompReply.Kind.TEXT : kind.group(1).equals("•")
                        ? CompReply.Kind.BULLET : CompReply.Kind.STEP, styled(kind.group(2))));
            }
        }
        return lines;
    }

    /** The template as one plain string, its lines joined by a space (for caveats, problems and parts of a line). */
    String text(String key, Object... namesAndValues) {
        return text(key, values(namesAndValues));
    }

    String text(String key, Map<?, ?>... scopes) {
        StringBuilder sb = new StringBuilder();
        for (CompReply.Line line : lines(key, scopes)) {
            sb.append(sb.isEmpty() ? "" : " ");
            line.spans().forEach(span -> sb.append(span.text()));
        }
        return sb.toString();
    }

    /** Name, value pairs as a map (null values left out, so a section on them is skipped). */
    static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> scope = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                scope.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return scope;
    }

    private static Object[] styled(String text) {
        List<Object> parts = new ArrayList<>();
        Matcher m = STYLED.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(swap(text.substring(at, m.start()), HIDDEN, MARKS));
            }
            String inner = swap(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3), HIDDEN, MARKS);
            parts.add(m.group(1) != null ? CompReply.strong(inner) : m.group(2) != null ? CompReply.em(inner) : CompReply.code(inner));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(swap(text.substring(at), HIDDEN, MARKS));
        }
        return parts.toArray();
    }

    private static String swap(String s, String from, String to) {
        if (from.chars().noneMatch(c -> s.indexOf(c) >= 0)) {
            return s; // (most values and lines have nothing to swap)
        }
        String out = s;
        for (int i = 0; i < from.length(); i++) {
            out = out.replace(from.charAt(i), to.charAt(i));
        }
        return out;
    }
}
