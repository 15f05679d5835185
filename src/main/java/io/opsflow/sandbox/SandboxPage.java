package io.opsflow.sandbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code /sandbox}: what the simulators hold, so a newcomer sees the effect of each process step. */
@RestController
@ConditionalOnSandbox
class SandboxPage {

    private final ServiceNowTables servicenow;
    private final ArmSimulator arm;

    SandboxPage(ServiceNowTables servicenow, ArmSimulator arm) {
        this.servicenow = servicenow;
        this.arm = arm;
    }

    @GetMapping(path = "/sandbox", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String page() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><meta http-equiv="refresh" content="5">
                <title>opsflow sandbox</title><style>
                body{font-family:system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;margin:1.5em;color:#222}
                .banner{background:#fff3cd;border:1px solid #e0b400;padding:.8em 1em;border-radius:6px}
                table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
                th{background:#f3f3f3}td.pre{white-space:pre-wrap;max-width:50em}</style></head><body>
                <div class="banner"><strong>サンドボックスモード / Sandbox mode</strong> —
                ServiceNow と Azure は opsflow 内のシミュレーターです。/ ServiceNow and Azure are simulated inside opsflow.
                Demo customer: <code>demo</code>. <a href="/camunda/app/tasklist/">Tasklist</a></div>
                """);
        List<Map<String, String>> incidents = servicenow.query("incident", r -> true, byCreated(), true);
        section(html, "インシデント / Incidents (ServiceNow incident)", incidents,
                List.of("number", "state", "priority", "short_description", "correlation_id", "close_code", "sys_updated_on"));
        section(html, "リクエストアイテム / Requested items (ServiceNow sc_req_item)",
                servicenow.query("sc_req_item", r -> true, byCreated(), true),
                List.of("number", "state", "stage", "short_description", "cat_item", "sys_updated_on"));
        section(html, "作業メモ・コメント / Work notes and comments (sys_journal_field)",
                servicenow.query("sys_journal_field", r -> true, byCreated(), true).stream().limit(50).toList(),
                List.of("sys_created_on", "name", "element", "value"));
        html.append("<h2>Automation ジョブ / Automation jobs</h2><table><tr><th>name</th><th>runbook</th><th>status</th><th>parameters</th><th>created</th></tr>");
        Instant now = Instant.now();
        arm.jobs().forEach(job -> html.append("<tr>").append(td(job.name())).append(td(job.runbook())).append(td(job.status(now)))
                .append(td(job.parameters().toString())).append(td(job.created().toString())).append("</tr>"));
        html.append("</table>");
        supportTickets(html);
        return html.append("</body></html>").toString();
    }

    /** Each Microsoft support ticket with its messages, so the relay between the MSP and Microsoft can be followed. */
    private void supportTickets(StringBuilder html) {
        html.append("<h2>Microsoft サポートリクエスト / Microsoft support tickets</h2>");
        List<SimulatedSupport.TicketView> tickets = arm.support().tickets();
        if (tickets.isEmpty()) {
            html.append("<p>なし / none</p>");
        }
        for (SimulatedSupport.TicketView view : tickets) {
            Map<?, ?> props = (Map<?, ?>) view.ticket().get("properties");
            Map<?, ?> sla = props.get("serviceLevelAgreement") instanceof Map<?, ?> m ? m : Map.of();
            html.append("<h3>").append(HtmlUtils.htmlEscape(props.get("supportTicketId") + " " + props.get("title"))).append("</h3>")
                    .append("<table><tr><th>name</th><th>status</th><th>severity</th><th>service</th><th>problem</th><th>response due</th><th>modified</th></tr><tr>")
                    .append(td(view.ticket().get("name"))).append(td(props.get("status"))).append(td(props.get("severity")))
                    .append(td(props.get("serviceDisplayName"))).append(td(props.get("problemClassificationDisplayName")))
                    .append(td(sla.get("expirationTime"))).append(td(props.get("modifiedDate"))).append("</tr></table>")
                    .append("<table><tr><th>time</th><th>direction</th><th>sender</th><th>subject</th><th>body</th></tr>");
            for (Map<String, Object> communication : view.communications()) {
                Map<?, ?> c = (Map<?, ?>) communication.get("properties");
                String direction = "inbound".equals(c.get("communicationDirection")) ? "受信 Microsoft → MSP (inbound)" : "送信 MSP → Microsoft (outbound)";
                html.append("<tr>").append(td(c.get("createdDate"))).append(td(direction)).append(td(c.get("sender")))
                        .append(td(c.get("subject"))).append("<td class=\"pre\">").append(HtmlUtils.htmlEscape(String.valueOf(c.get("body")), "UTF-8"))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
    }

    private static Comparator<Map<String, String>> byCreated() {
        return Comparator.comparing((Map<String, String> r) -> r.getOrDefault("sys_created_on", "")).reversed();
    }

    private static void section(StringBuilder html, String title, List<Map<String, String>> rows, List<String> columns) {
        html.append("<h2>").append(HtmlUtils.htmlEscape(title)).append("</h2><table><tr>");
        columns.forEach(c -> html.append("<th>").append(c).append("</th>"));
        html.append("</tr>");
        for (Map<String, String> row : rows) {
            html.append("<tr>");
            columns.forEach(c -> html.append("<td class=\"pre\">").append(HtmlUtils.htmlEscape(row.getOrDefault(c, ""))).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String td(Object value) {
        return "<td>" + HtmlUtils.htmlEscape(String.valueOf(value), "UTF-8") + "</td>";
    }
}
