package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Upbit {@code trade} message. {@code tradeDate} is {@code yyyy-MM-dd} and {@code tradeTime}
 * {@code HH:mm:ss} (UTC). {@code sequentialId} is unique per trade; Upbit documents that it does
 * not guarantee order, and on the live venue it is derived from the trade time, so consecutive
 * trades skip values.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitTrade(
    @JsonProperty("type") @JsonAlias("ty") String type,
    @JsonProperty("code") @JsonAlias("cd") String code,
    @JsonProperty("trade_price") @JsonAlias("tp") String tradePrice,
    @JsonProperty("trade_volume") @JsonAlias("tv") String tradeVolume,
    @JsonProperty("ask_bid") @JsonAlias("ab") String askBid,
    @JsonProperty("prev_closing_price") @JsonAlias("pcp") String prevClosingPrice,
    @JsonProperty("change") @JsonAlias("c") String change,
    @JsonProperty("change_price") @JsonAlias("cp") String changePrice,
    @JsonProperty("trade_date") @JsonAlias("td") String tradeDate,
    @JsonProperty("trade_time") @JsonAlias("ttm") String tradeTime,
    @JsonProperty("trade_timestamp") @JsonAlias("ttms") Long tradeTimestamp,
    @JsonProperty("timestamp") @JsonAlias("tms") Long timestamp,
    @JsonProperty("sequential_id") @JsonAlias("sid") Long sequentialId,
    @JsonProperty("best_ask_price") @JsonAlias("bap") String bestAskPrice,
    @JsonProperty("best_ask_size") @JsonAlias("bas") String bestAskSize,
    @JsonProperty("best_bid_price") @JsonAlias("bbp") String bestBidPrice,
    @JsonProperty("best_bid_size") @JsonAlias("bbs") String bestBidSize,
    @JsonProperty("stream_type") @JsonAlias("st") String streamType)
    implements UpbitMessage.Data {}
