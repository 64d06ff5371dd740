package coach.grading;

import coach.config.ConfigException;
import coach.config.Stage;
import coach.config.StageCatalog;
import coach.config.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rubrics of every stage, from {@code config/rubrics/<stage>.yaml}, validated at start. */
public final class Rubrics {
    static final double MIN_IMPACT_WEIGHT = 0.30;

    record CriterionFile(String id, String name, Double weight, String signal, String description, Map<Integer, String> anchors) {}
    record File(String stage, List<CriterionFile> criteria) {}

    private final Map<String, Rubric> byStage;

    Rubrics(Map<String, Rubric> byStage) {
        this.byStage = Map.copyOf(byStage);
    }

    public static Rubrics load(Path configDir, StageCatalog stages) {
        Map<String, Rubric> byStage = new LinkedHashMap<>();
        for (Stage stage : stages.all()) {
            Path path = configDir.resolve("rubrics").resolve(stage.id() + ".yaml");
            byStage.put(stage.id(), parse(path, stage.id(), YamlFiles.read(path, File.class)));
        }
        return new Rubrics(byStage);
    }

    static Rubric parse(Path path, String stageId, File file) {
        if (!stageId.equals(file.stage())) {
            throw new ConfigException(path, "stage", "says '" + file.stage() + "' but the file is for '" + stageId + "'");
        }
        if (file.criteria() == null || file.criteria().size() < 2) {
            throw new ConfigException(path, "criteria", "a rubric needs at least two criteria");
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double sum = 0;
        for (int i = 0; i < file.criteria().size(); i++) {
            CriterionFile c = file.criteria().get(i);
            String at = "criteria[" + i + "]";
            if (c.id() == null || c.id().isBlank() || !ids.add(c.id())) {
                throw new ConfigException(path, at + ".id", "is missing or used twice");
            }
            if (c.name() == null || c.name().isBlank()) {
                throw new ConfigException(path, at + ".name", "is required");
            }
            if (c.weight() == null || c.weight() <= 0 || c.weight() > 1) {
                throw new ConfigException(path, at + ".weight", "must be a number above 0 and at most 1 (e.g. 0.35)");
            }
            Signal signal;
            try {
                signal = Signal.parse(c.signal() == null ? "" : c.signal());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(path, at + ".signal", "'" + c.signal() + "' is not one of "
                        + "quantified_impact, key_points, tradeoffs, structure, depth");
            }
            if (c.anchors() == null) {
                throw new ConfigException(path, at + ".anchors", "anchors 1 to 5 are required");
            }
            for (int score = 1; score <= 5; score++) {
                String anchor = c.anchors().get(score);
                if (anchor == null || anchor.isBlank()) {
                    throw new ConfigException(path, at + ".anchors." + score, "is missing: every criterion describes scores 1 to 5");
                }
            }
            if (c.anchors().size() != 5) {
                throw new ConfigException(path, at + ".anchors", "only scores 1 to 5 are allowed");
            }
            sum += c.weight();
            criteria.add(new Criterion(c.id(), c.name(), c.weight(), signal,
                    c.description() == null ? "" : c.description(), Map.copyOf(c.anchors())));
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new ConfigException(path, "criteria[*].weight", String.format(java.util.Locale.ROOT,
                    "weights add up to %.3f; they must add up to 1.0", sum));
        }
        Rubric rubric = new Rubric(stageId, List.copyOf(criteria));
        Criterion impact = criteria.stream().filter(c -> c.id().equals(Rubric.IMPACT_ID)).findFirst()
                .orElseThrow(() -> new ConfigException(path, "criteria", "every rubric needs the '" + Rubric.IMPACT_ID
                        + "' criterion (quantified customer impact)"));
        boolean strictlyHeaviest = criteria.stream().filter(c -> c != impact).allMatch(c -> c.weight() < impact.weight());
        if (impact.weight() < MIN_IMPACT_WEIGHT || !strictlyHeaviest) {
            throw new ConfigException(path, "criteria." + Rubric.IMPACT_ID + ".weight",
                    "quantified customer impact must weigh at least 0.30 and more than any other criterion");
        }
        return rubric;
    }

    public Rubric forStage(String stageId) {
        Rubric r = byStage.get(stageId);
        if (r == null) {
            throw new IllegalArgumentException("no rubric for stage " + stageId);
        }
        return r;
    }
}
