package coach.comp;

import coach.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Checks comp.yaml at load: its shape against {@code comp.schema.json} (required fields, known currencies and units,
 * percentages from 0 to 100, no negative money), then what a schema cannot say: every source named exists, low <= high,
 * ids and aliases are unique, references point at an entry. The first problem stops start-up with file, field, reason.
 */
final class CompDataCheck {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(CompDataCheck.class.getResourceAsStream("/comp.schema.json"));
    private final Path file;
    private final Set<String> sources = new TreeSet<>();

    private CompDataCheck(Path file) {
        this.file = file;
    }

    static void check(Path file, JsonNode root) {
        new CompDataCheck(file).check(root);
    }

    private void check(JsonNode root) {
        root.path("sources").forEach(s -> sources.add(s.path("id").asText()));
        SCHEMA.validate(root).stream().findFirst().ifPresent(e -> require(false, field(e), reason(e)));
        unique(root.path("sources"), "sources", "id", "duplicate source id", new HashSet<>());
        walk(root, "");
        Set<String> levels = unique(root.path("level_table").path("levels"), "level_table.levels", "level", "duplicate level", new HashSet<>());
        Set<String> bands = unique(root.path("bands"), "bands", "region", "duplicate region id", new HashSet<>());
        unique(root.path("geography"), "geography", "id", "duplicate region id", new HashSet<>(bands));
        Map<String, String> owners = new HashMap<>();
        aliases(root.path("level_table").path("region_aliases"), "level_table.region_aliases", "us", owners, "region ");
        each(root.path("bands"), "bands", (b, p) -> aliases(b.path("aliases"), p + ".aliases", b.path("region").asText(), owners, "region "));
        each(root.path("geography"), "geography", (g, p) -> {
            aliases(g.path("aliases"), p + ".aliases", g.path("id").asText(), owners, "region ");
            String near = g.path("nearest_band").asText(null);
            require(near == null || bands.contains(near), p + ".nearest_band", "no band with region '" + near + "'");
        });
        Map<String, String> levelOwners = new HashMap<>();
        each(root.path("level_table").path("levels"), "level_table.levels", (l, p) ->
                aliases(l.path("aliases"), p + ".aliases", l.path("level").asText(), levelOwners, ""));
        String level = root.path("level_mapping").path("confluent_level").asText();
        require(levels.contains(level), "level_mapping.confluent_level", "'" + level + "' is not in level_table.levels");
    }

    /** Every {@code source} names a source; every low–high range is in order. */
    private void walk(JsonNode node, String path) {
        if (node.has("low") && node.has("high")) {
            require(node.get("low").asDouble() <= node.get("high").asDouble(), path, "low (" + Money.num(node.get("low")
                    .asDouble()) + ") is greater than high (" + Money.num(node.get("high").asDouble()) + ")");
        }
        node.fields().forEachRemaining(f -> {
            String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            require(!f.getKey().equals("source") || sources.contains(f.getValue().asText()), p, "unknown source '"
                    + f.getValue().asText() + "' (known: " + String.join(", ", sources) + ")");
            walk(f.getValue(), p);
        });
        each(node.isArray() ? node : null, path, this::walk);
    }

    /** Checks that the ids of a list are new to {@code seen} (which may hold another list's ids); returns {@code seen}. */
    private Set<String> unique(JsonNode items, String field, String key, String reason, Set<String> seen) {
        each(items, field, (x, p) -> require(seen.add(x.path(key).asText()), p + "." + key, reason + " '" + x.path(key).asText() + "'"));
        return seen;
    }

    private void aliases(JsonNode list, String field, String owner, Map<String, String> owners, String kind) {
        list.forEach(a -> {
            String prev = owners.putIfAbsent(a.asText().toLowerCase(Locale.ROOT).strip(), owner);
            require(prev == null || prev.equals(owner), field, "alias '" + a.asText() + "' is also used by " + kind
                    + (kind.isEmpty() ? "" : "'") + prev + (kind.isEmpty() ? "" : "'"));
        });
    }

    private static void each(JsonNode items, String path, BiConsumer<JsonNode, String> f) {
        for (int i = 0; items != null && i < items.size(); i++) {
            f.accept(items.get(i), path + "[" + i + "]");
        }
    }

    private static String field(Error e) {
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
            Object x = e.getInstanceLocation().getElement(i);
            at.append(x instanceof Integer n ? "[" + n + "]" : (at.isEmpty() ? "" : ".") + x);
        }
        return "required".equals(e.getKeyword()) ? at + (at.isEmpty() ? "" : ".") + e.getProperty() : at.toString();
    }

    private String reason(Error e) {
        String def = e.getSchemaLocation().toString();
        JsonNode value = e.getInstanceNode();
        return switch (e.getKeyword()) {
            case "required" -> "source".equals(e.getProperty()) ? "every entry needs a source (one of "
                    + String.join(", ", sources) + ")" : "missing";
            case "enum" -> "unknown " + field(e).replaceFirst(".*\\.", "") + " '" + value.asText() + "' (known: "
                    + e.getSchemaNode().toString().replaceAll("[\\[\\]\"]", "").replace(",", ", ") + ")";
            case "minimum", "maximum" -> def.contains("percent") ? "a percentage must be from 0 to 100 (is " + value + ")"
                    : def.contains("years") ? "must be a whole number of years from 1 to 10" : "must not be negative (is " + value + ")";
            case "pattern" -> def.contains("text") ? "missing or blank" : "'" + value.asText() + "' is not a level like L4";
            case "minItems" -> "missing or empty";
            default -> e.getMessage();
        };
    }

    private void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new ConfigException(file, field, reason);
        }
    }
}
