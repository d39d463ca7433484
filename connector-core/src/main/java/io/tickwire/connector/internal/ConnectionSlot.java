package io.tickwire.connector.internal;

import io.tickwire.kit.Backoff;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;

/**
 * One logical connection of a venue: the streams packed onto it (one route, at most the venue's
 * per-connection limit) and the session serving them, plus the replacement session while a
 * make-before-break rotation runs. Engine thread only.
 */
final class ConnectionSlot {

  final int number;
  final String route;
  final Set<String> target = new TreeSet<>();
  final Backoff backoff;
  final Backoff silenceBackoff;
  SessionControl current;
  SessionControl replacement;
  ScheduledFuture<?> retryTimer;
  boolean closing;
  boolean connectPending;
  String rotationCause;
  long rotationStartNanos;
  long silenceRotationAllowedAtNanos;

  ConnectionSlot(int number, String route, Backoff backoff, Backoff silenceBackoff) {
    this.number = number;
    this.route = route;
    this.backoff = backoff;
    this.silenceBackoff = silenceBackoff;
  }

  boolean rotating() {
    return replacement != null;
  }

  @Override
  public String toString() {
    return "connection " + number + (route.isEmpty() ? "" : " (" + route + ")");
  }
}
