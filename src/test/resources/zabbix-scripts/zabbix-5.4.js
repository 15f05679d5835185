// Zabbix 5.4 / 6.x / 7.x objects for a webhook script, as documented from 5.4 on (HttpRequest with
// addHeader, post, getStatus, setProxy; Zabbix.log), backed by Java doing real HTTP (standIn). Only
// the new names: 7.x has no CurlHttpRequest and no Zabbix.Log.
function HttpRequest() {
    var http = standIn.http();
    this.addHeader = function (header) { http.header(String(header)); };
    this.setProxy = function (proxy) { http.proxy(String(proxy)); };
    this.post = function (url, body) { return String(http.post(String(url), String(body))); };
    this.getStatus = function () { return Number(http.status()); };
}
var Zabbix = {
    log: function (level, message) { standIn.log(level, String(message)); }
};
