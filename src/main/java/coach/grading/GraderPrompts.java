package coach.grading;

import coach.config.ConfigException;
import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The grader's (and follow-up writer's) prompt templates from {@code prompts/}, checked at start for the placeholders the code fills. */
public record GraderPrompts(PromptTemplate system, PromptTemplate user, PromptTemplate repair, PromptTemplate followUp) {

    public static GraderPrompts load(Path promptsDir) {
        return new GraderPrompts(
                template(promptsDir.resolve("grader-system.txt"), List.of("rubric", "delimiter", "stage_name")),
                template(promptsDir.resolve("grader-user.txt"), List.of("question", "answer", "delimiter", "key_points")),
                template(promptsDir.resolve("grader-repair.txt"), List.of("problem", "criterion_ids")),
                template(promptsDir.resolve("follow-up.txt"), List.of("question", "answer", "delimiter", "weakest_name")));
    }

    private static PromptTemplate template(Path file, List<String> required) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read the prompt template: " + e.getMessage(), e);
        }
        for (String name : required) {
            if (!text.contains("{{" + name + "}}")) {
                throw new ConfigException(file, "{{" + name + "}}", "the template must contain this placeholder");
            }
        }
        return PromptTemplate.from(text);
    }

    static String render(PromptTemplate template, Map<String, Object> values) {
        return template.apply(values).text();
    }
}
