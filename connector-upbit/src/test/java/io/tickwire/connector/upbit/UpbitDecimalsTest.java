package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Upbit's JSON doubles become plain decimal strings of their own text, never via a double. */
class UpbitDecimalsTest {

  @ParameterizedTest
  @CsvSource({
    "2.2855E7, 22855000",
    "100473000.00000000, 100473000.00000000",
    "0.00164598, 0.00164598",
    "1.2E-5, 0.000012",
    "9.637E-4, 0.0009637",
    "-3.00000000, -3.00000000",
    "0, 0",
    "1e2, 100",
    "0.1, 0.1",
    "12345678901234567890.123456789, 12345678901234567890.123456789"
  })
  void plainTextOfTheVenuesNumber(String venue, String plain) {
    assertThat(UpbitDecimals.plain("f", venue))
        .isEqualTo(plain)
        .isEqualTo(new BigDecimal(venue).toPlainString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.1", "7", "22855000", "0.00000001"})
  void plainTextIsKeptAsIs(String text) {
    assertThat(UpbitDecimals.alreadyPlain(text)).isTrue();
    assertThat(UpbitDecimals.plain("f", text)).isSameAs(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E3", "-1", "007", "1.", ".5", "", "1.2.3"})
  void anythingElseGoesThroughBigDecimal(String text) {
    assertThat(UpbitDecimals.alreadyPlain(text)).isFalse();
  }

  @Test
  void ratesBecomeExactPercentages() {
    assertThat(UpbitDecimals.percent("r", "0.0126713295")).isEqualTo("1.26713295");
    assertThat(UpbitDecimals.percent("r", "-9.637E-4")).isEqualTo("-0.09637");
    assertThat(UpbitDecimals.percent("r", "0")).isEqualTo("0");
  }

  @Test
  void missingOrNonNumbersNameTheField() {
    assertThatThrownBy(() -> UpbitDecimals.plain("trade_price", null))
        .hasMessageContaining("trade_price");
    assertThatThrownBy(() -> UpbitDecimals.plain("trade_price", "abc"))
        .hasMessageContaining("trade_price");
  }
}
