// Zabbix 5.0's objects for a webhook script, as documented (CurlHttpRequest with AddHeader, Post,
// Status, SetProxy; Zabbix.Log), backed by Java doing real HTTP (standIn). No HttpRequest, no Zabbix.log.
function CurlHttpRequest() {
    var http = standIn.http();
    this.AddHeader = function (header) { http.header(String(header)); };
    this.SetProxy = function (proxy) { http.proxy(String(proxy)); };
    this.Post = function (url, body) { return String(http.post(String(url), String(body))); };
    this.Status = function () { return Number(http.status()); };
}
var Zabbix = {
    Log: function (level, message) { standIn.log(level, String(message)); }
};
