package io.opsflow.zabbix;

import io.opsflow.retry.PermanentFault;

/**
 * A Zabbix API call that did not succeed, or found the customer's Zabbix unlike the design (an
 * unknown host). {@code code} is the JSON-RPC error code ({@code -32602} invalid params, which
 * Zabbix also answers for a refused token), or 0 when Zabbix gave none. Never carries the token.
 */
public class ZabbixException extends RuntimeException implements PermanentFault {

    private final int code;
    private final boolean permanent;

    ZabbixException(String message, int code, boolean permanent, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.permanent = permanent;
    }

    public int code() {
        return code;
    }

    @Override
    public boolean isPermanent() {
        return permanent;
    }
}
