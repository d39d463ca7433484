package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/asyncapi.yaml describes exactly the registry's topics, each with its schema. */
class AsyncApiContractTest {

  private static final Path DOC = Path.of("..", "docs", "asyncapi.yaml");
  private static JsonNode asyncApi;
  private static final Map<String, JsonNode> channelsByAddress = new HashMap<>();

  @BeforeAll
  static void readDocument() throws IOException {
    asyncApi = new ObjectMapper(new YAMLFactory()).readTree(DOC.toFile());
    asyncApi
        .get("channels")
        .forEach(channel -> channelsByAddress.put(channel.get("address").asText(), channel));
  }

  @Test
  void everyRegistryTopicIsAChannel() {
    assertThat(channelsByAddress.keySet())
        .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
  }

  @Test
  void everyChannelPointsAtItsTopicsSchema() {
    for (Topic<?, ?> topic : Topics.all()) {
      JsonNode message = messageOf(channelsByAddress.get(topic.name()));
      JsonNode payloadRef = message.at("/payload/$ref");
      if (topic.schema() == null) {
        assertThat(payloadRef.isMissingNode()).as(topic.name()).isTrue();
        assertThat(message.at("/payload/format").asText()).as(topic.name()).isEqualTo("binary");
      } else {
        assertThat(payloadRef.asText())
            .as(topic.name())
            .endsWith("/io/tickwire/model/schema/" + topic.schema() + ".schema.json");
        Path schemaFile = DOC.getParent().resolve(payloadRef.asText()).normalize();
        assertThat(Files.exists(schemaFile)).as(schemaFile.toString()).isTrue();
      }
    }
  }

  private static JsonNode messageOf(JsonNode channel) {
    String ref = channel.get("messages").elements().next().get("$ref").asText();
    return asyncApi.at(ref.substring(1));
  }
}
