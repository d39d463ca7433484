package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlStateTest {

  @Test
  void whatIsLeftToAddAndRemoveExcludesWhatMessagesAlreadyCover() {
    ControlState state =
        new ControlState(
            Set.of("a", "b", "c", "d"), Set.of("a", "x", "y"), Set.of("b"), Set.of("x"));
    assertThat(state.toAdd()).containsExactlyInAnyOrder("c", "d");
    assertThat(state.toRemove()).containsExactly("y");
    assertThat(state.awaitingAck()).isTrue();
    assertThat(VenueProtocol.firstSorted(Set.of("c", "a", "b"), 2)).containsExactly("a", "b");
  }
}
