package io.opsflow.zabbix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Zabbix frontend takes an API token, by its version. API tokens exist from 5.4; up to 6.2 they go
 * in the request's {@code auth} member (6.0 LTS ignores an {@code Authorization} header), 6.4 added the
 * {@code Authorization: Bearer} header and deprecated {@code auth}, and 7.2 refuses {@code auth}
 * ("unexpected parameter"). So no single form serves the MSP's customers, who run 6.0 beside 7.x.
 */
enum Authentication {
    AUTH_MEMBER, BEARER;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+).*");

    /** @throws ZabbixException permanent for a Zabbix without API tokens (before 5.4) */
    static Authentication forVersion(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new ZabbixException("Zabbix answered apiinfo.version with '" + version + "', not a version", 0, false, null);
        }
        int release = Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
        if (release < 504) {
            throw new ZabbixException("Zabbix " + version + " has no API tokens (Zabbix 5.4 and later): remove zabbix.apiUrl"
                    + " from the customer and apply the monitoring design as an import file", 0, true, null);
        }
        return release < 604 ? AUTH_MEMBER : BEARER;
    }
}
