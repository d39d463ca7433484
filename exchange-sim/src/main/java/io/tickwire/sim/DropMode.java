package io.tickwire.sim;

/** How a dropped connection ends. */
public enum DropMode {
  /** A WebSocket close frame (1001 going away), then the TCP close. */
  CLEAN,
  /** A TCP reset with no close frame: what a crashed server or a cut network looks like. */
  ABRUPT
}
