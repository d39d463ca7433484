package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One trade from the REST endpoint {@code GET /v1/trades/ticks} (newest first, paged by {@code
 * cursor} = {@code sequential_id}), used to backfill what a WebSocket trade stream missed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitTick(
    @JsonProperty("market") String market,
    @JsonProperty("trade_date_utc") String tradeDateUtc,
    @JsonProperty("trade_time_utc") String tradeTimeUtc,
    @JsonProperty("timestamp") Long timestamp,
    @JsonProperty("trade_price") String tradePrice,
    @JsonProperty("trade_volume") String tradeVolume,
    @JsonProperty("prev_closing_price") String prevClosingPrice,
    @JsonProperty("change_price") String changePrice,
    @JsonProperty("ask_bid") String askBid,
    @JsonProperty("sequential_id") Long sequentialId) {}
