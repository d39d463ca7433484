package io.tickwire.model;

/**
 * A normalized private event. The account id is the first 6 hex characters of SHA-256 of the API
 * key (see {@link AccountIds}), never the key itself.
 */
public interface AccountScoped {
  String venue();

  String accountId();

  /** The Kafka key, {@code <venue>:<accountId>}. */
  default String accountKey() {
    return venue() + ':' + accountId();
  }
}
