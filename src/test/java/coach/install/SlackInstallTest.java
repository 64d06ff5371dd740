package coach.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackInstallTest {
    @Test
    void theInstallAsksForTheManifestsBotScopes() throws Exception {
        JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
        List<String> scopes = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(n -> scopes.add(n.asText()));
        assertThat(scopes).isNotEmpty();
        assertThat(SlackInstall.BOT_SCOPES).containsExactlyInAnyOrderElementsOf(scopes);
    }
}
