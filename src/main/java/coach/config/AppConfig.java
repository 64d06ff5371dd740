package coach.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from the environment (the interface contract in DESIGN.md). Secrets live here and nowhere else;
 * {@link #toString()} never prints them.
 */
public record AppConfig(
        Optional<String> slackBotToken,
        Optional<String> slackSigningSecret,
        Optional<String> slackAppToken,
        String slackApiUrl,
        java.time.Duration slackTimeout,
        Optional<String> openAiApiKey,
        Optional<String> openAiBaseUrl,
        String openAiModel,
        java.time.Duration llmTimeout,
        String dbUrl,
        int port,
        Path configDir,
        Path promptsDir,
        Optional<SlackOAuth> slackOAuth) {

    /**
     * Multi-workspace install (OAuth v2): on when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and COACH_TOKEN_KEY are all set.
     * {@link #toString()} prints none of them.
     */
    public record SlackOAuth(String clientId, String clientSecret, String tokenKey) {
        @Override
        public String toString() {
            return "SlackOAuth[clientId=" + clientId + "]";
        }
    }

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_MODEL = "gpt-4.1-mini";
    public static final String DEFAULT_DB_URL =
            "jdbc:h2:file:./data/coach;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

    public static AppConfig fromEnv(Map<String, String> env) {
        String port = value(env, "PORT").orElse("3000");
        int parsedPort;
        try {
            parsedPort = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ConfigException("environment", "PORT", "'" + port + "' is not a port number (example: PORT=3000)", e);
        }
        if (parsedPort < 0 || parsedPort > 65535) {
            throw new ConfigException("environment", "PORT", parsedPort + " is outside 0-65535", null);
        }
        String apiUrl = value(env, "SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL);
        return new AppConfig(
                value(env, "SLACK_BOT_TOKEN"),
                value(env, "SLACK_SIGNING_SECRET"),
                value(env, "SLACK_APP_TOKEN"),
                apiUrl.endsWith("/") ? apiUrl : apiUrl + "/",
                java.time.Duration.ofSeconds(positive(env, "SLACK_TIMEOUT_SECONDS", 10)),
                value(env, "OPENAI_API_KEY"),
                value(env, "OPENAI_BASE_URL"),
                value(env, "OPENAI_MODEL").orElse(DEFAULT_MODEL),
                java.time.Duration.ofSeconds(positive(env, "OPENAI_TIMEOUT_SECONDS", 30)),
                value(env, "COACH_DB_URL").orElse(DEFAULT_DB_URL),
                parsedPort,
                Path.of(value(env, "COACH_CONFIG_DIR").orElse("config")),
                Path.of(value(env, "COACH_PROMPTS_DIR").orElse("prompts")),
                slackOAuth(env));
    }

    private static Optional<SlackOAuth> slackOAuth(Map<String, String> env) {
        Optional<String> id = value(env, "SLACK_CLIENT_ID");
        Optional<String> secret = value(env, "SLACK_CLIENT_SECRET");
        Optional<String> key = value(env, "COACH_TOKEN_KEY");
        if (id.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        for (var required : java.util.List.of(Map.entry("SLACK_CLIENT_ID", id), Map.entry("SLACK_CLIENT_SECRET", secret),
                Map.entry("COACH_TOKEN_KEY", key))) {
            if (required.getValue().isEmpty()) {
                throw new ConfigException("environment", required.getKey(), "is required for a multi-workspace install "
                        + "(SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and COACH_TOKEN_KEY go together)", null);
            }
        }
        return Optional.of(new SlackOAuth(id.get(), secret.get(), key.get()));
    }

    /** Slack is served with one bot token (SLACK_BOT_TOKEN) or, when {@link #slackOAuth} is set, per workspace. */
    public boolean slackMode() {
        return slackBotToken.isPresent() || slackOAuth.isPresent();
    }

    public boolean socketMode() {
        return slackAppToken.isPresent();
    }

    public boolean llmEnabled() {
        return openAiApiKey.isPresent();
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("environment", name, "'" + v.get() + "' is not a positive whole number", null);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    @Override
    public String toString() {
        return "AppConfig[slack=" + (slackMode() ? (socketMode() ? "socket-mode" : "http") : "console")
                + (slackOAuth.isPresent() ? ", install=multi-workspace" : "")
                + ", slackApiUrl=" + slackApiUrl + ", llm=" + (llmEnabled() ? openAiModel : "offline")
                + ", db=" + dbUrl.replaceAll("password=[^;&]*", "password=***") + ", port=" + port
                + ", configDir=" + configDir + ", promptsDir=" + promptsDir + "]";
    }
}
