package coach.grading;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The shipped BGE small (quantized) embedding model, as LangChain4j's {@code BgeSmallEnV15QuantizedEmbeddingModel}
 * loads it (same files, CLS pooling, same vectors), but with ONNX Runtime's CPU memory arena and memory-pattern
 * planning off: the arena keeps the largest input's buffers for the life of the process, which is tens of MiB of
 * resident memory held for one long answer. Without it each embedding allocates what it needs and frees it.
 */
final class BgeSmallModel extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";
    private final OnnxBertBiEncoder encoder;

    BgeSmallModel() {
        super(null);
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            this.encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options),
                    tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = BgeSmallModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is not on the classpath");
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
