// opsflow webhook media type for Zabbix 5.0 and 5.4 / 6.x / 7.x (ES5: Zabbix runs it in Duktape as the
// body of function (value) { ... }).
// Posts the media type's parameters as one JSON object of strings to opsflow's
// /webhooks/zabbix/<opsflow_customer>, except opsflow_url, opsflow_customer, opsflow_token and
// http_proxy: the token (a secret user macro, the customer's own) goes into the Authorization header,
// never into the body, the log or an error message.
// Zabbix 5.0 names the HTTP object CurlHttpRequest (AddHeader, Post, Status) and logs with Zabbix.Log;
// 5.4 renamed them HttpRequest (addHeader, post, getStatus) and Zabbix.log, and the old names are
// documented as unsupported after 6.0, so the script uses whichever the server has.
var Opsflow = {
    log: function (level, message) {
        if (typeof Zabbix.log === 'function') {
            Zabbix.log(level, '[opsflow webhook] ' + message);
        } else {
            Zabbix.Log(level, '[opsflow webhook] ' + message);
        }
    },

    request: function () {
        if (typeof HttpRequest !== 'undefined') {
            var current = new HttpRequest();
            return {
                addHeader: function (header) { current.addHeader(header); },
                setProxy: function (proxy) { current.setProxy(proxy); },
                post: function (url, body) { return current.post(url, body); },
                status: function () { return current.getStatus(); }
            };
        }
        var legacy = new CurlHttpRequest();
        return {
            addHeader: function (header) { legacy.AddHeader(header); },
            setProxy: function (proxy) { legacy.SetProxy(proxy); },
            post: function (url, body) { return legacy.Post(url, body); },
            status: function () { return legacy.Status(); }
        };
    },

    // A macro Zabbix could not resolve for this event arrives literally, e.g. {$OPSFLOW.TOKEN}.
    given: function (text) {
        return typeof text === 'string' && text !== '' && !/^\{.*\}$/.test(text);
    }
};

var params, url, customer, token, proxy;
try {
    params = JSON.parse(value);
    url = params.opsflow_url;
    customer = params.opsflow_customer;
    token = params.opsflow_token;
    proxy = params.http_proxy;
    delete params.opsflow_url;
    delete params.opsflow_customer;
    delete params.opsflow_token;
    delete params.http_proxy;
    if (!Opsflow.given(url) || !/^https?:\/\//.test(url)) {
        throw 'parameter opsflow_url must be the opsflow base URL, e.g. https://opsflow.example: set {$OPSFLOW.URL}';
    }
    if (!Opsflow.given(customer) || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(customer)) {
        throw 'parameter opsflow_customer must be the opsflow customer id (registry id, e.g. acme): set {$OPSFLOW.CUSTOMER}';
    }
    if (!Opsflow.given(token)) {
        throw 'parameter opsflow_token is empty: set the secret macro {$OPSFLOW.TOKEN}';
    }

    var request = Opsflow.request();
    if (Opsflow.given(proxy)) {
        request.setProxy(proxy);
    }
    request.addHeader('Content-Type: application/json; charset=utf-8');
    request.addHeader('Authorization: Bearer ' + token);
    // The media type's Timeout (10s in the export) bounds this call; Zabbix throws on a timeout.
    var response = request.post(url.replace(/\/+$/, '') + '/webhooks/zabbix/' + customer, JSON.stringify(params));
    var status = Number(request.status());
    Opsflow.log(4, 'event ' + params.event_id + ': HTTP ' + status + ' ' + response);
    if (status < 200 || status > 299) {
        // A thrown error is shown in the action log and retried per "Attempts"; a 4xx names the
        // problem (missing parameter, wrong token) in its detail.
        var detail = response;
        try { detail = JSON.parse(response).detail || response; } catch (notJson) { }
        throw 'opsflow answered HTTP ' + status + ': ' + detail;
    }
    return 'OK';
}
catch (error) {
    Opsflow.log(3, 'sending failed: ' + error);
    throw 'Sending to opsflow failed: ' + error;
}
