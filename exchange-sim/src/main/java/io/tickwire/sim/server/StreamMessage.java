package io.tickwire.sim.server;

/**
 * A data message of a stream, encoded once and delivered to every subscriber. Sessions render it in
 * their connection's form (raw or combined, DEFAULT or SIMPLE).
 */
public interface StreamMessage {

  /** The stream it belongs to, as the venue names it. */
  String stream();

  /** The native symbol it is about, or null. */
  String symbol();

  /** Whether it is a diff-depth event (faults can drop those to make book gaps). */
  default boolean depthDiff() {
    return false;
  }
}
