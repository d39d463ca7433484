package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden event (one folder per schema) must validate against its JSON Schema and survive a
 * round trip through the registry's serde unchanged, byte for byte in meaning.
 */
class GoldenEventTest {

  private static final Path GOLDEN = goldenRoot();

  static Stream<Path> goldenFiles() throws IOException {
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void validatesAgainstItsSchema(Path file) throws IOException {
    JsonNode event = Json.mapper().readTree(file.toFile());

    assertThat(ContractSchemas.schema(schemaOf(file)).validate(event)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void survivesSerdeRoundTrip(Path file) throws IOException {
    byte[] golden = Files.readAllBytes(file);
    JsonSerde<?> serde = serdesBySchema().get(schemaOf(file));

    Object event = serde.deserialize("golden", golden);
    byte[] written = serialize(serde, event);

    assertThat(Json.mapper().readTree(written)).isEqualTo(Json.mapper().readTree(golden));
    assertThat(ContractSchemas.schema(schemaOf(file)).validate(Json.mapper().readTree(written)))
        .isEmpty();
  }

  @Test
  void everyTopicSchemaHasGoldenEvents() throws IOException {
    Set<String> covered;
    try (Stream<Path> files = goldenFiles()) {
      covered = files.map(GoldenEventTest::schemaOf).collect(Collectors.toSet());
    }
    assertThat(covered).containsAll(serdesBySchema().keySet());
  }

  @SuppressWarnings("unchecked")
  private static <T> byte[] serialize(JsonSerde<T> serde, Object event) {
    return serde.serialize("golden", (T) event);
  }

  static Map<String, JsonSerde<?>> serdesBySchema() {
    Map<String, JsonSerde<?>> serdes = new TreeMap<>();
    Topics.all().stream()
        .filter(topic -> topic.schema() != null)
        .forEach(topic -> serdes.put(topic.schema(), (JsonSerde<?>) topic.valueSerde()));
    return serdes;
  }

  private static String schemaOf(Path file) {
    return file.getParent().getFileName().toString();
  }

  private static Path goldenRoot() {
    try {
      return Path.of(GoldenEventTest.class.getResource("golden").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
