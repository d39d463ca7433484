package io.tickwire.sim.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Builds HTTP responses. */
public final class HttpResponses {

  private HttpResponses() {}

  public static FullHttpResponse json(int status, String body) {
    return of(status, "application/json;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static FullHttpResponse json(int status, byte[] body) {
    return of(status, "application/json;charset=UTF-8", body);
  }

  public static FullHttpResponse text(int status, String body) {
    return of(status, "text/plain;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static FullHttpResponse of(int status, String contentType, byte[] body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return response;
  }
}
