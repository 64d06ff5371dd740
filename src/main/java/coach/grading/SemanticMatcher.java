package coach.grading;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence similarity with an in-process embedding model (BGE small, quantized, shipped inside a Maven jar: nothing
 * is downloaded). The model loads on a background thread from the first use, so start-up can do other work
 * meanwhile; but grading waits for it ({@link #similarity()}): the same answer must always get the same score, so no
 * other matcher stands in while it loads. The app reports healthy, and the console prompts, only once it is ready.
 *
 * <p>Loading and embedding run in native code (ONNX Runtime), and ONNX Runtime's own shutdown hook frees its
 * environment while the JVM exits — concurrently with any load still running, which crashes the JVM (SIGSEGV). So
 * every native call holds a read lock, and {@link #stopNativeWork} takes the write lock (waiting for calls in
 * flight) and keeps it: the process exit path calls it before the JVM starts shutting down.
 */
public final class SemanticMatcher {
    private static final Logger log = LoggerFactory.getLogger(SemanticMatcher.class);
    /** Longest a grading waits for the model; it loads in about a second, so this only bounds a broken machine. */
    private static final long LOAD_WAIT_SECONDS = 120;
    private final CompletableFuture<EmbeddingModel> model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock nativeWork = new ReentrantReadWriteLock();

    public SemanticMatcher(Supplier<EmbeddingModel> loader) {
        this.model = CompletableFuture.supplyAsync(() -> inNative(() -> {
            long started = System.nanoTime();
            EmbeddingModel m = loader.get();
            m.embed("warm up");
            log.info("embedding model ready in {} ms", (System.nanoTime() - started) / 1_000_000);
            return m;
        }), runnable -> {
            Thread t = new Thread(runnable, "embedding-model-load");
            t.setDaemon(true);
            t.start();
        });
        model.exceptionally(e -> {
            log.warn("embedding model unavailable ({}); the offline grader uses word overlap", e.getClass().getSimpleName());
            return null;
        });
    }

    private <T> T inNative(Supplier<T> call) {
        if (!nativeWork.readLock().tryLock()) {
            throw new IllegalStateException("the process is exiting");
        }
        try {
            return call.get();
        } finally {
            nativeWork.readLock().unlock();
        }
    }

    /**
     * Waits (up to {@code max}) for native calls in flight to end and lets no new one start: called just before the
     * process exits, so ONNX Runtime's shutdown hook never frees memory a load or an embedding is still using.
     */
    public void stopNativeWork(Duration max) {
        try {
            nativeWork.writeLock().tryLock(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Shared {
        static final SemanticMatcher INSTANCE = new SemanticMatcher(BgeSmallModel::new);
    }

    /**
     * The shipped BGE small model, loading in the background from the first call on. One per process: the model is
     * immutable and thread-safe, and loading it twice would only cost time.
     */
    public static SemanticMatcher shared() {
        return Shared.INSTANCE;
    }

    /** Waits for the model; true once it is loaded, false if it failed to load or did not load in time. */
    public boolean awaitReady(long seconds) {
        try {
            return model.get(seconds, TimeUnit.SECONDS) != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The similarity, once the model has loaded (waits for it); empty only when the model cannot load at all. */
    Optional<Similarity> similarity() {
        return awaitReady(LOAD_WAIT_SECONDS) ? Optional.of(new Similarity(model.join())) : Optional.empty();
    }

    /** Cosine similarity between texts, embedding each text once. */
    final class Similarity {
        private final EmbeddingModel m;

        private Similarity(EmbeddingModel m) {
            this.m = m;
        }

        float[] vector(String text) {
            return cache.computeIfAbsent(text, t -> inNative(() -> m.embed(TextSegment.from(t)).content().vector()));
        }

        /** Embeds many texts in one call (an answer's sentences) without caching them. */
        List<float[]> vectors(List<String> texts) {
            List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(Sentences.oneLine(t))).toList();
            return inNative(() -> m.embedAll(segments).content()).stream().map(Embedding::vector).toList();
        }

        /** similarity[k][i] between each (cached) key text and each sentence. */
        double[][] matrix(List<String> keys, List<String> sentences) {
            List<float[]> vs = vectors(sentences);
            double[][] out = new double[keys.size()][sentences.size()];
            for (int k = 0; k < keys.size(); k++) {
                float[] kv = vector(keys.get(k));
                for (int i = 0; i < vs.size(); i++) out[k][i] = cosine(kv, vs.get(i));
            }
            return out;
        }

        double cosine(float[] a, float[] b) {
            return CosineSimilarity.between(Embedding.from(a), Embedding.from(b));
        }
    }
}
