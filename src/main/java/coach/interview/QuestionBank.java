package coach.interview;

import coach.config.ConfigException;
import coach.config.Stage;
import coach.config.StageCatalog;
import coach.config.YamlFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/** Every stage's questions, from {@code config/questions/<stage>.yaml}, validated at start. */
public final class QuestionBank {
    static final int MIN_QUESTIONS_PER_STAGE = 12;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    record File(String stage, List<Question> questions) {}

    private final Map<String, List<Question>> byStage;
    private final Map<String, Question> byId;

    QuestionBank(Map<String, List<Question>> byStage) {
        this.byStage = Map.copyOf(byStage);
        Map<String, Question> ids = new HashMap<>();
        byStage.values().forEach(qs -> qs.forEach(q -> ids.put(q.id(), q)));
        this.byId = Map.copyOf(ids);
    }

    public static QuestionBank load(Path configDir, StageCatalog stages) {
        Map<String, List<Question>> byStage = new LinkedHashMap<>();
        Map<String, Path> seenIds = new HashMap<>();
        for (Stage stage : stages.all()) {
            Path path = configDir.resolve("questions").resolve(stage.id() + ".yaml");
            File file = YamlFiles.read(path, File.class);
            if (!stage.id().equals(file.stage())) {
                throw new ConfigException(path, "stage", "says '" + file.stage() + "' but the file is for '" + stage.id() + "'");
            }
            List<Question> questions = file.questions() == null ? List.of() : file.questions();
            if (questions.size() < MIN_QUESTIONS_PER_STAGE) {
                throw new ConfigException(path, "questions", "has " + questions.size() + " questions; at least "
                        + MIN_QUESTIONS_PER_STAGE + " are needed so practice does not repeat too soon");
            }
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                String at = "questions[" + i + "]";
                if (q.id() == null || !ID.matcher(q.id()).matches()) {
                    throw new ConfigException(path, at + ".id", "must be lowercase letters, digits and dashes");
                }
                Path other = seenIds.put(q.id(), path);
                if (other != null) {
                    throw new ConfigException(path, at + ".id", "'" + q.id() + "' is also used in " + other);
                }
                if (q.text() == null || q.text().isBlank()) {
                    throw new ConfigException(path, at + ".text", "is required");
                }
                if (q.keyPoints() == null || q.keyPoints().isEmpty()) {
                    throw new ConfigException(path, at + ".key_points", "list what a strong answer covers (at least one)");
                }
                if (q.followUps() == null || q.followUps().isEmpty()) {
                    throw new ConfigException(path, at + ".follow_ups", "list at least one follow-up question");
                }
            }
            byStage.put(stage.id(), List.copyOf(questions));
        }
        return new QuestionBank(byStage);
    }

    public List<Question> forStage(String stageId) {
        return byStage.getOrDefault(stageId, List.of());
    }

    /** Every question and key point of every stage: what the work interviewed on is about. */
    public List<String> topicTexts() {
        return byStage.values().stream().flatMap(List::stream)
                .flatMap(q -> Stream.concat(Stream.of(q.text()), q.keyPoints().stream())).toList();
    }

    public Optional<Question> byId(String questionId) {
        return Optional.ofNullable(byId.get(questionId));
    }
}
