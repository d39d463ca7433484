package io.tickwire.model;

import java.util.Map;

/**
 * Any other account-level event on {@code user.account-events.v1}: margin calls, leverage changes,
 * stream termination, listenKey expiry. {@code details} holds the event's own fields as strings; it
 * never holds an API key or secret.
 */
public record AccountEvent(
    String venue,
    String accountId,
    String type,
    Map<String, String> details,
    long eventTime,
    long receivedAt)
    implements AccountScoped {

  public AccountEvent {
    details = Map.copyOf(details);
  }
}
