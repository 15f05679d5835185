package io.opsflow.azure;

/** ARM paths under a resource id that came from Azure itself, each segment encoded once. */
final class MonitorPaths {

    private MonitorPaths() {
    }

    /** {@code under("/subscriptions/s/.../vm-1", "providers", "Microsoft.Insights", "metrics")}. */
    static String under(String resourceId, String... more) {
        String trimmed = resourceId.startsWith("/") ? resourceId.substring(1) : resourceId;
        String[] own = trimmed.split("/");
        String[] all = new String[own.length + more.length];
        System.arraycopy(own, 0, all, 0, own.length);
        System.arraycopy(more, 0, all, own.length, more.length);
        return ArmPath.of(all);
    }
}
