package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One price level, written as {@code ["price","quantity"]} like the venues do. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"price", "quantity"})
public record Level(String price, String quantity) {}
