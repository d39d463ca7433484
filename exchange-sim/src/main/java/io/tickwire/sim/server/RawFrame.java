package io.tickwire.sim.server;

/** A payload sent exactly as given (replayed frames): a session only adds its wrapper, if any. */
public record RawFrame(String stream, byte[] payload) implements StreamMessage {

  @Override
  public String symbol() {
    return null;
  }
}
