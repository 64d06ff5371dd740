package coach.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The stages from {@code config/stages.yaml}, found by id or alias. */
public final class StageCatalog {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    record File(String source, List<Stage> stages) {}

    private final String source;
    private final List<Stage> stages;
    private final Map<String, Stage> byName = new LinkedHashMap<>();

    StageCatalog(String source, List<Stage> stages) {
        this.source = source;
        this.stages = stages.stream().sorted(Comparator.comparingInt(Stage::order)).toList();
        for (Stage s : this.stages) {
            byName.put(s.id(), s);
            s.aliases().forEach(a -> byName.put(a.toLowerCase(Locale.ROOT), s));
        }
    }

    public static StageCatalog load(Path configDir) {
        Path path = configDir.resolve("stages.yaml");
        File file = YamlFiles.read(path, File.class);
        if (file.stages() == null || file.stages().isEmpty()) {
            throw new ConfigException(path, "stages", "at least one stage is required");
        }
        if (file.source() == null || file.source().isBlank()) {
            throw new ConfigException(path, "source", "name the seed document the stages come from");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < file.stages().size(); i++) {
            Stage s = file.stages().get(i);
            String at = "stages[" + i + "]";
            if (s.id() == null || !ID.matcher(s.id()).matches()) {
                throw new ConfigException(path, at + ".id", "must be lowercase letters, digits and dashes");
            }
            require(path, at + ".name", s.name());
            require(path, at + ".focus", s.focus());
            if (s.aliases() == null) {
                throw new ConfigException(path, at + ".aliases", "list the aliases (may be empty: [])");
            }
            if (s.order() == null) {
                throw new ConfigException(path, at + ".order", "is required (1 for the first stage of the loop)");
            }
            if (s.behavioural() == null) {
                throw new ConfigException(path, at + ".behavioural", "is required: true or false");
            }
            if (s.durationMinutes() == null || s.durationMinutes() <= 0) {
                throw new ConfigException(path, at + ".duration_minutes", "must be a positive number of minutes");
            }
            if (s.minAnswerWords() == null || s.minAnswerWords() <= 0) {
                throw new ConfigException(path, at + ".min_answer_words", "must be positive");
            }
            for (String name : concat(s.id(), s.aliases())) {
                if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                    throw new ConfigException(path, at, "'" + name + "' is used by two stages");
                }
            }
        }
        return new StageCatalog(file.source(), file.stages());
    }

    private static List<String> concat(String id, List<String> aliases) {
        List<String> all = new ArrayList<>(aliases);
        all.add(0, id);
        return all;
    }

    private static void require(Path path, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(path, field, "is required");
        }
    }

    public List<Stage> all() {
        return stages;
    }

    public String source() {
        return source;
    }

    public Optional<Stage> find(String idOrAlias) {
        if (idOrAlias == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(idOrAlias.trim().toLowerCase(Locale.ROOT)));
    }

    public Stage get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown stage " + id));
    }

    /** The stage whose id or alias is closest to what the user typed (edit distance), for "did you mean". */
    public Stage closest(String typed) {
        String t = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        Stage best = stages.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, Stage> e : byName.entrySet()) {
            String name = e.getKey();
            // a typo in the first word ("sytem") should still find "system-design": compare with the name's
            // prefix of the same length too, at a small penalty
            String prefix = name.substring(0, Math.min(name.length(), t.length()));
            int d = Math.min(distance(t, name), t.length() < name.length() ? distance(t, prefix) + 1 : Integer.MAX_VALUE);
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getValue();
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[b.length()];
    }
}
