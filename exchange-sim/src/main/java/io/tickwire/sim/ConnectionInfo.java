package io.tickwire.sim;

import io.tickwire.model.Venue;
import java.util.List;

/**
 * An open WebSocket connection to the simulator.
 *
 * @param id connection id ({@code c1}, {@code c2}, ...), used to target faults
 * @param path the path it connected to ({@code /stream}, {@code /market/ws/...})
 * @param openedAt epoch ms (wall clock)
 * @param streams what it listens to, as the venue names it
 */
public record ConnectionInfo(
    String id, Venue venue, String path, String remoteIp, long openedAt, List<String> streams) {}
