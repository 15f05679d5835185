package io.opsflow.zabbix;

import io.opsflow.customer.Customer;

/**
 * Where a customer's Zabbix API is and the token to call it with, asked at every request: the
 * sandbox simulator learns its port only after the application has started, and a token rotated in
 * the environment is used at once.
 */
public interface ZabbixEndpoint {

    /** The frontend's URL without a trailing slash; {@code /api_jsonrpc.php} is appended. */
    String apiUrl(Customer customer);

    String token(Customer customer);
}
