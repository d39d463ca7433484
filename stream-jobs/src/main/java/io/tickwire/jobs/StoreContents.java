package io.tickwire.jobs;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Reads a task's store back when a processor (re)starts, to rebuild what it keeps in memory. */
public final class StoreContents {

  private StoreContents() {}

  public static <K, V> void forEach(KeyValueStore<K, V> store, BiConsumer<K, V> action) {
    try (KeyValueIterator<K, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<K, V> entry = all.next();
        action.accept(entry.key, entry.value);
      }
    }
  }
}
