package io.tickwire.model;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/** Loads the contract's JSON Schemas from the classpath, as a consumer would from their $id. */
final class ContractSchemas {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix(
                          "https://tickwire.io/schema/", "classpath:io/tickwire/model/schema/")));

  private ContractSchemas() {}

  static JsonSchema schema(String name) {
    return FACTORY.getSchema(
        SchemaLocation.of("https://tickwire.io/schema/" + name + ".schema.json"));
  }
}
