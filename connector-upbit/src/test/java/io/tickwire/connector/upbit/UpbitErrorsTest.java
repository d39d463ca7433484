package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.rest.VenueErrors;
import io.tickwire.connector.rest.VenueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Upbit's error names land in the core's error family, and retry decisions follow from it. */
class UpbitErrorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "INVALID_AUTH, Unauthorized, false",
    "WRONG_FORMAT, Rejected, false",
    "NO_TICKET, Rejected, false",
    "NO_TYPE, Rejected, false",
    "NO_CODES, Rejected, false",
    "INVALID_PARAM, Rejected, false",
    "TOO_MANY_REQUEST, RateLimited, true",
    "too_many_requests, RateLimited, true",
    "SOMETHING_NEW, VenueException, false"
  })
  void mapsEachNameToItsFamilyMember(String name, String member, boolean retriable) {
    VenueException e = UpbitErrors.of(name, "details");

    assertThat(e.getClass().getSimpleName()).isEqualTo(member);
    assertThat(e.getMessage()).isEqualTo("Upbit " + name + ": details");
    assertThat(VenueErrors.isRetriable(e)).isEqualTo(retriable);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"WRONG_FORMAT", "NO_CODES"})
  void refusedRequestsCarryTheBadRequestStatus(String name) {
    assertThat(((VenueException.Rejected) UpbitErrors.of(name, null)).status()).isEqualTo(400);
  }
}
