package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCursorTest {

  private static JsonCursor cursor(String json) {
    return new JsonCursor(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsStringsWithEscapesAndUnicode() {
    JsonCursor in = cursor(" { \"a\" : \"x\\\"y\\\\z\\n\\u00e9\" , \"b\":\"가격€\" } ");
    List<String> values = new ArrayList<>();

    for (boolean more = in.beginObject(); more; more = in.nextField()) {
      values.add(in.fieldName() + "=" + in.string());
    }
    in.end();

    assertThat(values).containsExactly("a=x\"y\\z\né", "b=가격€");
  }

  @Test
  void readsNumbersBooleansNullsAndLevels() {
    JsonCursor in =
        cursor(
            "{\"n\":-9223372036854775807,\"t\":true,\"f\":false,\"z\":null,\"l\":[[\"1.5\",\"2\",\"extra\"],[\"3\",\"4\"]],\"e\":[]}");

    assertThat(in.beginObject()).isTrue();
    assertThat(in.fieldName()).isEqualTo("n");
    assertThat(in.longValue()).isEqualTo(-9223372036854775807L);
    in.nextField();
    in.fieldName();
    assertThat(in.booleanValue()).isTrue();
    in.nextField();
    in.fieldName();
    assertThat(in.booleanValue()).isFalse();
    in.nextField();
    in.fieldName();
    assertThat(in.isNull()).isTrue();
    in.nextField();
    in.fieldName();
    assertThat(in.levels()).containsExactly(new Level("1.5", "2"), new Level("3", "4"));
    in.nextField();
    in.fieldName();
    assertThat(in.levels()).isEmpty();
    assertThat(in.nextField()).isFalse();
  }

  @Test
  void skipsNestedUnknownValues() {
    JsonCursor in = cursor("{\"x\":{\"a\":[1,2.5e3,{\"b\":null}],\"c\":\"}\"},\"y\":7}");

    in.beginObject();
    in.fieldName();
    in.skipValue();
    in.nextField();

    assertThat(in.fieldName()).isEqualTo("y");
    assertThat(in.longValue()).isEqualTo(7);
  }

  @Test
  void malformedInputNamesTheOffset() {
    assertThatThrownBy(
            () -> {
              JsonCursor in = cursor("{\"a\":\"open");
              in.beginObject();
              in.fieldName();
              in.string();
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unterminated string at offset 10");
    assertThatThrownBy(
            () -> {
              JsonCursor in = cursor("{\"a\":1.5}");
              in.beginObject();
              in.fieldName();
              in.longValue();
            })
        .hasMessageContaining("expected an integer");
    assertThatThrownBy(() -> cursor("[]").beginObject()).hasMessage("expected '{' at offset 0");
  }
}
