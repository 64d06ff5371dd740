package coach.web;

import static org.assertj.core.api.Assertions.assertThat;

import coach.store.Database;
import coach.testing.SignedClient;
import coach.testing.TestApps;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** /health names each part and answers 503 as soon as one of them is down (here: the scheduler). */
class HealthTest {
    @Test
    void aPartDownMakesHealth503AndIsNamed() throws Exception {
        AtomicBoolean scheduler = new AtomicBoolean(true);
        try (Database database = Database.open(TestApps.memoryDb())) {
            HttpServer http = new HttpServer(0, null, null, database, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            http.addHealthCheck("scheduler", scheduler::get);
            http.start();
            try {
                SignedClient client = new SignedClient(http.port());
                var up = client.get("/health");
                assertThat(up.statusCode()).isEqualTo(200);
                assertThat(up.body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\",\"scheduler\":\"up\"}");
                scheduler.set(false);
                var down = client.get("/health");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).isEqualTo("{\"status\":\"down\",\"database\":\"up\",\"scheduler\":\"down\"}");
            } finally {
                http.close();
            }
        }
    }
}
