package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Upbit {@code candle.<interval>} message, pushed at most once a second when a trade changed the
 * candle. It has no "closed" flag: the same {@code candleDateTimeUtc} repeats until a later candle
 * starts. Times are {@code yyyy-MM-dd'T'HH:mm:ss}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitCandle(
    @JsonProperty("type") @JsonAlias("ty") String type,
    @JsonProperty("code") @JsonAlias("cd") String code,
    @JsonProperty("candle_date_time_utc") @JsonAlias("cdttmu") String candleDateTimeUtc,
    @JsonProperty("candle_date_time_kst") @JsonAlias("cdttmk") String candleDateTimeKst,
    @JsonProperty("opening_price") @JsonAlias("op") String openingPrice,
    @JsonProperty("high_price") @JsonAlias("hp") String highPrice,
    @JsonProperty("low_price") @JsonAlias("lp") String lowPrice,
    @JsonProperty("trade_price") @JsonAlias("tp") String tradePrice,
    @JsonProperty("candle_acc_trade_volume") @JsonAlias("catv") String candleAccTradeVolume,
    @JsonProperty("candle_acc_trade_price") @JsonAlias("catp") String candleAccTradePrice,
    @JsonProperty("timestamp") @JsonAlias("tms") Long timestamp,
    @JsonProperty("stream_type") @JsonAlias("st") String streamType)
    implements UpbitMessage.Data {}
