package io.tickwire.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers for starting local servers. */
public final class Ports {

  private Ports() {}

  /** A port that was free a moment ago (the OS may hand it out again; good enough locally). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  /** The requested port, or a free one when 0. */
  public static int orFree(int port) {
    return port == 0 ? free() : port;
  }

  /** True when something accepts TCP connections on host:port within the timeout. */
  public static boolean answers(String host, int port, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
