package io.tickwire.connector.publish;

/**
 * What a message was about, so messages that had to be dropped are reported per stream with a
 * {@code dropped} status marker keyed like the stream's data.
 */
public record DropScope(String venue, String symbol, String nativeSymbol, String stream) {}
