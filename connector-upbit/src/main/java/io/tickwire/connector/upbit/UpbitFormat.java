package io.tickwire.connector.upbit;

/**
 * The message format the connector asks Upbit for: full field names, or SIMPLE's abbreviations
 * (smaller frames). Either way the frames are read the same; the list formats are not used.
 */
public enum UpbitFormat {
  DEFAULT,
  SIMPLE
}
