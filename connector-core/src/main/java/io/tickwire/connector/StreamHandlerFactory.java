package io.tickwire.connector;

import java.util.Optional;

/** Chooses a {@link StreamHandler} for streams that need more than default publishing. */
@FunctionalInterface
public interface StreamHandlerFactory {

  /** No stream gets a handler. */
  StreamHandlerFactory NONE = context -> Optional.empty();

  /** A handler for the context's stream, or empty for default publishing. */
  Optional<StreamHandler> create(StreamContext context);
}
