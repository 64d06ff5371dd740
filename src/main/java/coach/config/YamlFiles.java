package coach.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a YAML file into a record. Unknown fields are errors (a typo in a field name must not be silently
 * ignored), and every failure becomes a {@link ConfigException} naming the file and the field path.
 */
public final class YamlFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .findAndRegisterModules();

    private YamlFiles() {}

    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, "", "file not found");
        }
        try {
            T value = MAPPER.readValue(file.toFile(), type);
            if (value == null) {
                throw new ConfigException(file, "", "file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file.toString(), fieldPath(e), "unknown field; known fields here: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")), e);
        } catch (InvalidFormatException e) {
            throw new ConfigException(file.toString(), fieldPath(e), "'" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT), e);
        } catch (JsonMappingException e) {
            throw new ConfigException(file.toString(), fieldPath(e), e.getOriginalMessage()
                    .replaceAll(" \\(set DeserializationConfig.*", "").replace("Cannot map `null` into type", "missing value for"), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "", "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "", "file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
