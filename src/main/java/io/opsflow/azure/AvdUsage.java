package io.opsflow.azure;

/** An AVD host pool's month in {@code WVDConnections}: connections that reached Connected, and their distinct users. */
public record AvdUsage(long sessions, long distinctUsers) {
}
