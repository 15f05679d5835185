// opsflow webhook media type for Zabbix 5.0+ (webhook media types exist since 4.4).
// Posts the media type's parameters unchanged as one JSON object to opsflow's
// /webhooks/zabbix/<opsflow_customer>, except opsflow_url, opsflow_customer and opsflow_token: the
// token (a secret user macro, the customer's own) goes into the Authorization header, never into
// the body or the log.
var params, url, customer, token;
try {
    params = JSON.parse(value);
    url = params.opsflow_url;
    customer = params.opsflow_customer;
    token = params.opsflow_token;
    if (typeof url !== 'string' || url.indexOf('http') !== 0) {
        throw 'parameter opsflow_url must be the opsflow base URL, e.g. https://opsflow.example';
    }
    if (typeof customer !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(customer)) {
        throw 'parameter opsflow_customer must be the opsflow customer id (registry id, e.g. acme): set {$OPSFLOW.CUSTOMER}';
    }
    if (typeof token !== 'string' || token === '' || token.charAt(0) === '{') {
        throw 'parameter opsflow_token is empty: set the secret macro {$OPSFLOW.TOKEN}';
    }
    delete params.opsflow_url;
    delete params.opsflow_customer;
    delete params.opsflow_token;

    var request = new HttpRequest();
    if (typeof params.http_proxy === 'string' && params.http_proxy !== '' && params.http_proxy.charAt(0) !== '{') {
        request.setProxy(params.http_proxy);
    }
    delete params.http_proxy;
    request.addHeader('Content-Type: application/json; charset=utf-8');
    request.addHeader('Authorization: Bearer ' + token);

    var response = request.post(url.replace(/\/+$/, '') + '/webhooks/zabbix/' + customer, JSON.stringify(params));
    var status = request.getStatus();
    Zabbix.log(4, '[opsflow webhook] event ' + params.event_id + ': HTTP ' + status + ' ' + response);
    if (status < 200 || status > 299) {
        // Thrown errors are shown in the action log and retried per "Attempts": a 4xx answer
        // (unknown customer, missing parameter) names the problem in its detail.
        var detail = response;
        try { detail = JSON.parse(response).detail || response; } catch (ignored) { }
        throw 'opsflow answered HTTP ' + status + ': ' + detail;
    }
    return 'OK';
}
catch (error) {
    Zabbix.log(3, '[opsflow webhook] sending failed: ' + error);
    throw 'Sending to opsflow failed: ' + error;
}
