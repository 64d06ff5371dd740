package coach.grading;

import coach.config.AppConfig;
import coach.llm.RetryAfterHttpClient;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Optional;

/** Builds the chat model behind the LLM grader, follow-ups and comp phrasing: one factory for the app and calibration. */
public final class ChatModels {
    private ChatModels() {}

    /** The configured OpenAI-compatible model, when an API key is set. */
    public static Optional<ChatModel> fromConfig(AppConfig config) {
        if (!config.llmEnabled()) {
            return Optional.empty();
        }
        OpenAiChatModel.OpenAiChatModelBuilder model = OpenAiChatModel.builder()
                .apiKey(config.openAiApiKey().orElseThrow())
                .modelName(config.openAiModel())
                .temperature(0.0)
                .strictJsonSchema(true)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .timeout(config.llmTimeout())
                // LangChain4j retries at fixed short intervals and cannot see Retry-After: the grader retries itself
                .maxRetries(0)
                .httpClientBuilder(new RetryAfterHttpClient.Builder());
        config.openAiBaseUrl().ifPresent(model::baseUrl);
        return Optional.of(model.build());
    }
}
