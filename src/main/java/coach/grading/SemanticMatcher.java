package coach.grading;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence similarity with an in-process embedding model (BGE small, quantized, shipped inside a Maven jar: nothing
 * is downloaded). Loading takes seconds, so it happens on a background thread: start-up and Slack acks never wait,
 * and until the model is ready callers fall back to word overlap. Key-point embeddings are cached.
 */
public final class SemanticMatcher {
    private static final Logger log = LoggerFactory.getLogger(SemanticMatcher.class);
    private final CompletableFuture<EmbeddingModel> model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public SemanticMatcher(Supplier<EmbeddingModel> loader) {
        this.model = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            EmbeddingModel m = loader.get();
            m.embed("warm up");
            log.info("embedding model ready in {} ms", (System.nanoTime() - started) / 1_000_000);
            return m;
        }, runnable -> {
            Thread t = new Thread(runnable, "embedding-model-load");
            t.setDaemon(true);
            t.start();
        });
        model.exceptionally(e -> {
            log.warn("embedding model unavailable ({}); the offline grader uses word overlap", e.getClass().getSimpleName());
            return null;
        });
    }

    private static final class Shared {
        static final SemanticMatcher INSTANCE = new SemanticMatcher(BgeSmallEnV15QuantizedEmbeddingModel::new);
    }

    /**
     * The shipped BGE small model, loading in the background from the first call on. One per process: the model is
     * immutable and thread-safe, and loading it twice would only cost time.
     */
    public static SemanticMatcher shared() {
        return Shared.INSTANCE;
    }

    /** Waits for the model (calibration and tests, where a deterministic result matters more than latency). */
    public boolean awaitReady(long seconds) {
        try {
            return model.get(seconds, TimeUnit.SECONDS) != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** Empty while the model is loading (or if it failed to load). */
    Optional<Similarity> ready() {
        EmbeddingModel m = model.getNow(null);
        return m == null ? Optional.empty() : Optional.of(new Similarity(m));
    }

    /** Cosine similarity between texts, embedding each text once. */
    final class Similarity {
        private final EmbeddingModel m;

        private Similarity(EmbeddingModel m) {
            this.m = m;
        }

        float[] vector(String text) {
            return cache.computeIfAbsent(text, t -> m.embed(TextSegment.from(t)).content().vector());
        }

        /** Embeds many texts in one call (an answer's sentences) without caching them. */
        List<float[]> vectors(List<String> texts) {
            return m.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                    .map(e -> e.vector()).toList();
        }

        double cosine(float[] a, float[] b) {
            return CosineSimilarity.between(dev.langchain4j.data.embedding.Embedding.from(a),
                    dev.langchain4j.data.embedding.Embedding.from(b));
        }
    }
}
