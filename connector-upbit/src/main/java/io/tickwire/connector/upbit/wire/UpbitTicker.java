package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Upbit {@code ticker} message. Prices and volumes are the venue's JSON numbers as text; {@code
 * tradeDate} is {@code yyyyMMdd} and {@code tradeTime} {@code HHmmss} (UTC), unlike the trade
 * message's dashed and coloned forms.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitTicker(
    @JsonProperty("type") @JsonAlias("ty") String type,
    @JsonProperty("code") @JsonAlias("cd") String code,
    @JsonProperty("opening_price") @JsonAlias("op") String openingPrice,
    @JsonProperty("high_price") @JsonAlias("hp") String highPrice,
    @JsonProperty("low_price") @JsonAlias("lp") String lowPrice,
    @JsonProperty("trade_price") @JsonAlias("tp") String tradePrice,
    @JsonProperty("prev_closing_price") @JsonAlias("pcp") String prevClosingPrice,
    @JsonProperty("change") @JsonAlias("c") String change,
    @JsonProperty("change_price") @JsonAlias("cp") String changePrice,
    @JsonProperty("signed_change_price") @JsonAlias("scp") String signedChangePrice,
    @JsonProperty("change_rate") @JsonAlias("cr") String changeRate,
    @JsonProperty("signed_change_rate") @JsonAlias("scr") String signedChangeRate,
    @JsonProperty("trade_volume") @JsonAlias("tv") String tradeVolume,
    @JsonProperty("acc_trade_volume") @JsonAlias("atv") String accTradeVolume,
    @JsonProperty("acc_trade_volume_24h") @JsonAlias("atv24h") String accTradeVolume24h,
    @JsonProperty("acc_trade_price") @JsonAlias("atp") String accTradePrice,
    @JsonProperty("acc_trade_price_24h") @JsonAlias("atp24h") String accTradePrice24h,
    @JsonProperty("trade_date") @JsonAlias("tdt") String tradeDate,
    @JsonProperty("trade_time") @JsonAlias("ttm") String tradeTime,
    @JsonProperty("trade_timestamp") @JsonAlias("ttms") Long tradeTimestamp,
    @JsonProperty("ask_bid") @JsonAlias("ab") String askBid,
    @JsonProperty("acc_ask_volume") @JsonAlias("aav") String accAskVolume,
    @JsonProperty("acc_bid_volume") @JsonAlias("abv") String accBidVolume,
    @JsonProperty("highest_52_week_price") @JsonAlias("h52wp") String highest52WeekPrice,
    @JsonProperty("highest_52_week_date") @JsonAlias("h52wdt") String highest52WeekDate,
    @JsonProperty("lowest_52_week_price") @JsonAlias("l52wp") String lowest52WeekPrice,
    @JsonProperty("lowest_52_week_date") @JsonAlias("l52wdt") String lowest52WeekDate,
    @JsonProperty("market_state") @JsonAlias("ms") String marketState,
    @JsonProperty("timestamp") @JsonAlias("tms") Long timestamp,
    @JsonProperty("stream_type") @JsonAlias("st") String streamType)
    implements UpbitMessage.Data {}
