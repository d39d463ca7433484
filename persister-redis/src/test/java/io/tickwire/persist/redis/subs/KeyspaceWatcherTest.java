package io.tickwire.persist.redis.subs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyspaceWatcherTest {

  @Test
  void keyspaceEventsOfStringAndGenericCommandsAreEnough() {
    assertThat(KeyspaceWatcher.sufficient("")).isFalse();
    assertThat(KeyspaceWatcher.sufficient("Ex")).isFalse();
    assertThat(KeyspaceWatcher.sufficient("K$")).isFalse();
    assertThat(KeyspaceWatcher.sufficient("K$g")).isTrue();
    assertThat(KeyspaceWatcher.sufficient("KA")).isTrue();
    assertThat(KeyspaceWatcher.sufficient("AKE")).isTrue();
  }

  @Test
  void enablingAddsOnlyWhatIsMissing() {
    assertThat(KeyspaceWatcher.merged("")).isEqualTo("K$gx");
    assertThat(KeyspaceWatcher.merged("Elh")).isEqualTo("ElhK$gx");
    assertThat(KeyspaceWatcher.merged("KEA")).isEqualTo("KEA$gx");
  }
}
