package coach.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * LangChain4j's HTTP client for the LLM, on the JDK's client like the stock one, except that a refused call keeps the
 * server's Retry-After: the stock client drops every header of an error response, and the grader must know how long
 * the endpoint asked it to wait ({@link RetryAfterException}). Streaming calls go to the stock client unchanged.
 */
public final class RetryAfterHttpClient implements HttpClient {
    private final java.net.http.HttpClient jdk;
    private final HttpClient streaming;
    private final Duration readTimeout;

    RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout) {
        java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder();
        if (connectTimeout != null) b.connectTimeout(connectTimeout);
        this.jdk = b.build();
        this.readTimeout = readTimeout;
        HttpClientBuilder stock = HttpClientBuilderLoader.loadHttpClientBuilder();
        if (connectTimeout != null) stock.connectTimeout(connectTimeout);
        if (readTimeout != null) stock.readTimeout(readTimeout);
        this.streaming = stock.build();
    }

    /** An HTTP error from the LLM endpoint with the wait it asked for (null when it named none). */
    public static final class RetryAfterException extends HttpException {
        private final Duration retryAfter;

        RetryAfterException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** The Retry-After carried anywhere in a chain of causes. */
        public static Duration in(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RetryAfterException r) {
                    return r.retryAfter();
                }
            }
            return null;
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (readTimeout != null) b.timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        HttpResponse<String> resp;
        try {
            resp = jdk.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new dev.langchain4j.exception.TimeoutException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
        if (resp.statusCode() < 200 || resp.statusCode() > 299) {
            throw new RetryAfterException(resp.statusCode(), resp.body(),
                    resp.headers().firstValue("Retry-After").map(RetryAfterHttpClient::seconds).orElse(null));
        }
        return SuccessfulHttpResponse.builder().statusCode(resp.statusCode()).headers(resp.headers().map())
                .body(resp.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }

    /** Retry-After in seconds (the form OpenAI-compatible servers send); an HTTP date is not supported: null. */
    static Duration seconds(String value) {
        try {
            double s = Double.parseDouble(value.trim());
            return s < 0 ? null : Duration.ofMillis((long) (s * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What LangChain4j's OpenAI model builder takes. */
    public static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override public Duration connectTimeout() { return connectTimeout; }
        @Override public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }
        @Override public Duration readTimeout() { return readTimeout; }
        @Override public Builder readTimeout(Duration d) { this.readTimeout = d; return this; }
        @Override public HttpClient build() { return new RetryAfterHttpClient(connectTimeout, readTimeout); }
    }
}
