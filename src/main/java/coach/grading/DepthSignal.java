package coach.grading;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Technical depth: how many distinct, specific mechanisms, tools and parameters the answer uses in sentences.
 * Each term counts once, so repeating "Kafka" earns one, and bare keyword lists never reach this detector.
 */
final class DepthSignal {
    private static final Pattern TECHNICAL = Pattern.compile(
            "\\b(kafka|flink|ksql|ksqldb|kafka streams|kafka connect|exactly-once|at-least-once|at-most-once|idempoten\\w*|"
                    + "transaction\\w*|watermark\\w*|windows?|windowed|tumbling|sliding|hopping|session window|partition\\w*|"
                    + "offsets?|consumer groups?|consumer lag|schema registry|avro|protobuf|backward|forward|compatib\\w*|"
                    + "state stores?|rocksdb|checkpoint\\w*|changelog|compaction|redis|cassandra|dynamodb|postgres\\w*|"
                    + "feature stores?|online store|offline store|feast|kubernetes|k8s|hpa|keda|autoscal\\w*|gpus?|"
                    + "batch(ing)?|dynamic batching|quantiz\\w*|int8|fp16|distill\\w*|onnx|triton|vllm|tensorrt|kv cache|"
                    + "canary|shadow|blue-green|rollbacks?|roll-back|drain\\w*|prometheus|grafana|histograms?|alert\\w*|"
                    + "slos?|slas?|p99|p95|cold starts?|warm-?up|backpressure|dead letter|dlq|cache|caching|ttl|grpc|"
                    + "hash ?maps?|heaps?|heapq|deque|arraydeque|linkedhashmap|treemap|two pointers|binary search|"
                    + "dfs|bfs|dynamic programming|memoi[sz]\\w*|complexity|edge cases?|unit tests?|property tests?|"
                    + "brute.force|sort(ed|ing)?|trie|union.find|sliding window|priority queue|amortised|amortized|"
                    + "embeddings?|vector (db|database|index|search)|rag|retrieval|re-?rank\\w*|drift|psi|a/b tests?|"
                    + "latency budget|replicas?|replication|sharding|consistent hashing|circuit breakers?|rate limit\\w*|"
                    + "load tests?|chaos|feature flags?|mlflow|airflow|spark|pytorch|tensorflow|xgboost|python|java|scala|"
                    + "sql|dbt|snowflake|terraform|aws|gcp|azure|sagemaker|kubeflow|ray|docker|ci/cd|observability|"
                    + "tracing|opentelemetry|fine-?tun\\w*|lora|evals?|guardrails?|hallucinat\\w*|precision|recall|auc|"
                    + "calibrat\\w*|threshold\\w*|holdout|held-out|cross-validation|backfill\\w*|point-in-time|"
                    + "training-serving skew|skew|cdc|debezium|iceberg|parquet|tiered storage|acks=all|isolation\\.level|"
                    + "read_committed|min\\.insync\\.replicas|two-phase commit|2pc|outbox|saga|event sourcing)\\b"
                    // a complexity in big-O ("O(1)", "O(n log k)"): ends in ")", so outside the word boundaries above
                    + "|" + ComplexitySignal.BIG_O.pattern(),
            Pattern.CASE_INSENSITIVE);

    private DepthSignal() {}

    static Finding score(List<String> sentences) {
        Set<String> terms = new HashSet<>();
        String evidence = "";
        int best = 0;
        for (String s : sentences) {
            var m = TECHNICAL.matcher(Sentences.oneLine(s));
            Set<String> here = new HashSet<>();
            while (m.find()) here.add(m.group().toLowerCase(Locale.ROOT));
            terms.addAll(here);
            if (here.size() > best) {
                best = here.size();
                evidence = s;
            }
        }
        int n = terms.size();
        String quote = Sentences.quote(evidence);
        if (n >= 10) return new Finding(5, quote, "");
        if (n >= 6) return new Finding(4, quote, n + " specific mechanisms; ten or more, with parameters and how each "
                + "would be verified, make 5.");
        if (n >= 3) return new Finding(3, quote, "only " + n + " specific mechanisms; six or more with concrete "
                + "parameters and an edge case make 4.");
        if (n >= 1) return new Finding(2, quote, "only " + n + " named mechanism" + (n == 1 ? "" : "s")
                + "; name three or more and how they are configured.");
        return new Finding(1, "", "no named technology, mechanism or parameter.");
    }

    static int terms(String sentence) {
        return (int) TECHNICAL.matcher(Sentences.oneLine(sentence)).results().map(r -> r.group().toLowerCase(Locale.ROOT))
                .distinct().count();
    }
}
