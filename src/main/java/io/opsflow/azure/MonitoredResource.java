package io.opsflow.azure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A resource of a customer whose service figures the monthly report shows, as Resource Graph lists
 * it: its ARM id, name and kind. The kind carries the ARM type, compared case-insensitively because
 * Resource Graph answers in lower case.
 */
public record MonitoredResource(String id, String name, Kind kind) {

    public enum Kind {
        VIRTUAL_MACHINE("Microsoft.Compute/virtualMachines"),
        APP_SERVICE("Microsoft.Web/sites"),
        SQL_DATABASE("Microsoft.Sql/servers/databases"),
        AVD_HOST_POOL("Microsoft.DesktopVirtualization/hostPools"),
        /** Not reported itself: where heartbeats and AVD connections are queried. */
        LOG_ANALYTICS_WORKSPACE("Microsoft.OperationalInsights/workspaces");

        private final String armType;

        Kind(String armType) {
            this.armType = armType;
        }

        public String armType() {
            return armType;
        }

        static Optional<Kind> ofArmType(String type) {
            return Arrays.stream(values()).filter(k -> k.armType.equalsIgnoreCase(type)).findFirst();
        }

        String lowerCaseType() {
            return armType.toLowerCase(Locale.ROOT);
        }
    }
}
