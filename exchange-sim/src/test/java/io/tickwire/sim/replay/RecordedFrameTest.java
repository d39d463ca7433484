package io.tickwire.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedFrameTest {

  @Test
  void aJsonFrameIsOneReadableLine() {
    RecordedFrame f =
        new RecordedFrame(
            1767225600123456L,
            "binance-spot",
            "btcusdt@trade",
            "{\"e\":\"trade\",\"s\":\"BTC\tUSDT\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(f.toLine())
        .isEqualTo(
            "1767225600123456\tbinance-spot\tbtcusdt@trade\t{\"e\":\"trade\",\"s\":\"BTC\tUSDT\"}");
    assertThat(RecordedFrame.parse(f.toLine())).isEqualTo(f);
  }

  @Test
  void framesThatCannotBeALineAreBase64() {
    byte[] broken = {'{', (byte) 0xC3, 0x28};
    byte[] multiline = "{\n}".getBytes(StandardCharsets.UTF_8);
    byte[] lookalike = "base64:abc".getBytes(StandardCharsets.UTF_8);
    for (byte[] payload : List.of(broken, multiline, lookalike)) {
      RecordedFrame f = new RecordedFrame(1, "upbit", "trade:KRW-BTC", payload);
      assertThat(f.toLine()).startsWith("1\tupbit\ttrade:KRW-BTC\tbase64:");
      assertThat(RecordedFrame.parse(f.toLine()).payload()).isEqualTo(payload);
    }
  }

  @Test
  void badLinesSayWhatIsWrongAndWhere(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> RecordedFrame.parse("123\tbinance-spot\tonly three"))
        .hasMessageContaining("expected 4 tab-separated fields");
    assertThatThrownBy(() -> RecordedFrame.parse("soon\tbinance-spot\ts\t{}"))
        .hasMessageContaining("receivedAtMicros 'soon' is not a number");
    Path file = dir.resolve("bad.rec");
    Files.writeString(file, RecordedFrame.HEADER + "\n\n1\tupbit\ts\t{}\nbroken\n");
    assertThatThrownBy(() -> RecordingReader.readAll(file)).hasMessageContaining("bad.rec line 4");
  }

  @Test
  void writerAndReaderRoundTrip(@TempDir Path dir) {
    Path file = dir.resolve("r.rec");
    List<RecordedFrame> frames =
        List.of(
            new RecordedFrame(
                10,
                "binance-usdm",
                "btcusdt@aggTrade",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
            new RecordedFrame(
                20,
                "upbit",
                "orderbook:KRW-BTC.15",
                "{\"ty\":\"orderbook\"}".getBytes(StandardCharsets.UTF_8)),
            new RecordedFrame(
                30,
                "binance-spot",
                "conn:c7",
                "{\"result\":null,\"id\":1}".getBytes(StandardCharsets.UTF_8)));
    try (RecordingWriter w = new RecordingWriter(file)) {
      frames.forEach(w::write);
    }

    assertThat(RecordingReader.readAll(file)).isEqualTo(frames);
  }

  @Test
  void combinedWrappersAreRemovedForRawSubscribers() {
    byte[] wrapped =
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"}}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(new String(ReplayPlayer.unwrap(wrapped), StandardCharsets.UTF_8))
        .isEqualTo("{\"e\":\"trade\"}");
    byte[] raw = "{\"e\":\"trade\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(ReplayPlayer.unwrap(raw)).isSameAs(raw);
  }
}
