package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.asMap;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the diagnostic runbooks ({@code processes/runbooks/Get-Opsflow*Diagnostics.ps1}) would write
 * to the Output stream, in their contract ({@code opsflow.diagnostics/v1}), so a demo incident shows
 * real-looking findings. A VM's OS comes from its simulated {@code storageProfile} (as the runbook
 * reads it) or else from its name ({@code win}, {@code 2012}, {@code 2016}, {@code centos},
 * {@code rhel7}); each variant has a plausible problem so the Triage form has something to show.
 */
final class SimulatedDiagnostics {

    static final String SCHEMA = "opsflow.diagnostics/v1";
    private static final Set<String> RUNBOOKS = Set.of("Get-OpsflowVmDiagnostics", "Get-OpsflowSqlDiagnostics",
            "Get-OpsflowAppServiceDiagnostics", "Get-OpsflowCosmosDbDiagnostics", "Get-OpsflowAvdDiagnostics");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter APACHE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSS yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private SimulatedDiagnostics() {
    }

    static boolean answers(String runbook) {
        return RUNBOOKS.contains(runbook);
    }

    /**
     * The one JSON object the runbook writes for {@code targetResource}; {@code resource} is the
     * simulated ARM resource when it exists (empty otherwise).
     */
    static String output(String runbook, String targetResource, Map<String, Object> resource, Instant now) {
        String id = targetResource == null ? "" : targetResource;
        String name = id.substring(id.lastIndexOf('/') + 1);
        Report report = switch (runbook) {
            case "Get-OpsflowVmDiagnostics" -> vm(id, name, resource, now);
            case "Get-OpsflowSqlDiagnostics" -> sql(id);
            case "Get-OpsflowAppServiceDiagnostics" -> appService(id, now);
            case "Get-OpsflowCosmosDbDiagnostics" -> cosmos(id);
            default -> avd(id, now);
        };
        try {
            return JSON.writeValueAsString(report.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Report vm(String id, String name, Map<String, Object> resource, Instant now) {
        Map<String, Object> storage = asMap(asMap(resource.get("properties")).get("storageProfile"));
        String osType = String.valueOf(asMap(storage.get("osDisk")).getOrDefault("osType", "")).toLowerCase(Locale.ROOT);
        Map<String, Object> image = asMap(storage.get("imageReference"));
        String hint = (name + " " + image.getOrDefault("offer", "") + " " + image.getOrDefault("sku", "")).toLowerCase(Locale.ROOT);
        boolean windows = osType.isEmpty() ? hint.contains("win") || hint.contains("2012") || hint.contains("2016") || hint.contains("2019")
                : osType.equals("windows");
        return windows ? windowsVm(id, name, hint, now) : linuxVm(id, name, hint, now);
    }

    private static Report windowsVm(String id, String name, String hint, Instant now) {
        String version = hint.contains("2012") ? "Microsoft Windows Server 2012 R2 Datacenter 6.3.9600"
                : hint.contains("2016") ? "Microsoft Windows Server 2016 Datacenter 10.0.14393"
                : "Microsoft Windows Server 2019 Datacenter 10.0.17763";
        Report r = new Report(id, "microsoft.compute/virtualmachines", "windows", version);
        r.check("windows.eventlog.errors", "warning", "3 errors in the last hour",
                "2x System, Service Control Manager, 7031: The SQL Server Agent (MSSQLSERVER) service terminated unexpectedly.\n"
                        + "1x Application, MSSQLSERVER, 17053: LogWriter: Operating system error 112(There is not enough space on the disk.)");
        r.check("windows.services.stopped", "critical", "1 automatic services stopped", "SQLSERVERAGENT (SQL Server Agent (MSSQLSERVER)): Stopped");
        r.check("disk.free", "warning", "fullest volume 86% used", "C: 61% used, 49.8 GB free\nF: 86% used, 70.1 GB free");
        r.check("processes.top", "ok", "top 5 by CPU time", "sqlservr (pid 2264): 48,213 s CPU, 12,288 MB\nMsMpEng (pid 3012): 2,871 s CPU, 214 MB\n"
                + "svchost (pid 1104): 1,406 s CPU, 58 MB\nWmiPrvSE (pid 4480): 512 s CPU, 41 MB\nexplorer (pid 5120): 97 s CPU, 88 MB");
        r.check("boot.last", "ok", iso(now.minus(Duration.ofDays(12).plusHours(3))), "Up for 291.0 h");
        r.check("reboot.pending", "warning", "reboot pending", "Windows Update");
        return r;
    }

    private static Report linuxVm(String id, String name, String hint, Instant now) {
        boolean centos = hint.contains("centos");
        boolean rhel7 = hint.contains("rhel7") || hint.contains("rhel-7") || hint.contains("7-lvm") || hint.contains("7_9");
        String version = centos ? "CentOS Linux 7 (Core)" : rhel7 ? "Red Hat Enterprise Linux Server 7.9 (Maipo)"
                : "Red Hat Enterprise Linux 8.10 (Ootpa)";
        Report r = new Report(id, "microsoft.compute/virtualmachines", "linux", version);
        String at = SYSLOG.format(now.minus(Duration.ofMinutes(17)));
        if (centos) {
            r.check("linux.journal.errors", "warning", "2 errors in the last hour (/var/log/messages)",
                    at + " " + name + " kernel: java invoked oom-killer: gfp_mask=0x201da, order=0, oom_score_adj=0\n"
                            + at + " " + name + " kernel: Out of memory: Kill process 2211 (java) score 912 or sacrifice child");
            r.check("linux.units.failed", "ok", "0 failed units", "");
            r.check("disk.free", "critical", "fullest volume 93% used", "/ 41% used, 17.6 GB free\n/var 93% used, 0.7 GB free\n/boot 22% used, 0.8 GB free");
            r.check("processes.top", "ok", "top 5 by CPU", "  PID COMMAND         %CPU %MEM\n 2398 java            87.2 71.4\n  911 rsyslogd         1.1  0.2\n"
                    + "  640 systemd-journal  0.4  0.1\n 1020 sshd             0.1  0.1\n    1 systemd          0.0  0.1");
            r.check("boot.last", "ok", iso(now.minus(Duration.ofDays(40))), "Up for 960.0 h");
            r.check("linux.httpd", "ok", "httpd not installed", "");
            r.check("linux.tomcat", "ok", "Tomcat active (tomcat.service)", "SEVERE [http-nio-8080-exec-14] org.apache.catalina.core.StandardWrapperValve.invoke "
                    + "Servlet.service() for servlet [dispatcher] threw exception java.lang.OutOfMemoryError: Java heap space");
        } else {
            r.check("linux.journal.errors", "warning", "4 errors in the last hour (journal)",
                    at + " " + name + " httpd[1487]: (28)No space left on device: AH00023: Couldn't create the proxy mutex\n"
                            + at + " " + name + " systemd[1]: Failed to start The Apache HTTP Server.");
            r.check("linux.units.failed", "critical", "1 failed units", "httpd.service");
            r.check("disk.free", "ok", "fullest volume 64% used", "/ 64% used, 10.6 GB free\n/boot 31% used, 0.7 GB free\n/var/log 38% used, 6.1 GB free");
            r.check("processes.top", "ok", "top 5 by CPU", "  PID COMMAND         %CPU %MEM\n 1602 dnf              12.5  3.1\n  902 tuned            0.6  0.9\n"
                    + "  733 sssd_nss         0.3  0.4\n 1210 waagent          0.2  1.2\n    1 systemd          0.0  0.5");
            r.check("boot.last", "ok", iso(now.minus(Duration.ofDays(6).plusHours(5))), "Up for 149.0 h");
            r.check("linux.httpd", "critical", "httpd failed (httpd)", "[" + APACHE.format(now.minus(Duration.ofMinutes(17)))
                    + "] [core:emerg] [pid 1487] (28)No space left on device: AH00023: Couldn't create the proxy mutex");
            r.check("linux.tomcat", "ok", "Tomcat not installed", "");
        }
        return r;
    }

    private static Report sql(String id) {
        Report r = new Report(id, "microsoft.sql/servers/databases", null, null);
        r.check("sql.cpu", "warning", "CPU max 82% (1 h)", "cpu_percent: max 82.4%, mean of 5-min peaks 57.9%");
        r.check("sql.dtu", "critical", "DTU max 97% (1 h)", "dtu_consumption_percent: max 97.1%, mean of 5-min peaks 71.3%");
        r.check("sql.io", "ok", "IO max 44% (1 h)", "physical_data_read_percent: max 43.8%, mean of 5-min peaks 20.2%; "
                + "log_write_percent: max 12.5%, mean of 5-min peaks 6.0%");
        r.check("sql.deadlocks", "warning", "2 deadlocks (1 h)", "");
        r.check("resource.state", "ok", "Online, S2", "Tier Standard, SKU Standard, max size 250 GB.");
        return r;
    }

    private static Report appService(String id, Instant now) {
        Report r = new Report(id, "microsoft.web/sites", null, null);
        r.check("appservice.http5xx", "critical", "312 5xx of 4270 requests (7.3%, 1 h)", "");
        r.check("appservice.responsetime", "warning", "slowest 5-min mean 3.41 s (1 h)", "HttpResponseTime, mean over the hour 1.12 s.");
        r.check("appservice.restarts", "warning", "1 restarts/starts/stops (24 h)", iso(now.minus(Duration.ofHours(3))) + " restart by operator@demo.example");
        r.check("resource.state", "ok", "Running, availability Normal", "Kind app, plan asp-demo-prod, host names app-demo-shop.azurewebsites.net.");
        return r;
    }

    private static Report cosmos(String id) {
        Report r = new Report(id, "microsoft.documentdb/databaseaccounts", null, null);
        r.check("cosmos.throttled", "warning", "1834 of 152000 requests throttled (429, 1.2%, 1 h)", "");
        r.check("cosmos.ru", "critical", "peak normalized RU 100% (1 h)",
                "Mean of 5-minute peaks 74%. 100% on a partition key range means requests there are throttled.");
        r.check("resource.state", "ok", "Succeeded, write region Japan East", "Kind GlobalDocumentDB, consistency Session, read regions Japan East, Japan West.");
        return r;
    }

    private static Report avd(String id, Instant now) {
        String type = id.toLowerCase(Locale.ROOT).contains("/sessionhosts/") ? "microsoft.desktopvirtualization/hostpools/sessionhosts"
                : "microsoft.compute/virtualmachines";
        Report r = new Report(id, type, "windows", "10.0.22631");
        r.check("avd.sessionhost.status", "warning", "NeedsAssistance, last heartbeat " + iso(now.minus(Duration.ofSeconds(40))),
                "Agent 1.0.8431.2300, update state Succeeded. FSLogix: The FSLogix profile container could not be attached (VHD location unreachable).");
        r.check("avd.sessions", "warning", "7 sessions (5 active), new sessions refused (drain mode)",
                "Host pool hp-demo, limit 8 sessions per host, load balancer BreadthFirst.");
        r.check("resource.state", "ok", "VM running", "VM vm-demo-avd-0 (rg-demo-avd).");
        return r;
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** One runbook's output: the resource and its checks in the documented order. */
    private static final class Report {
        private final Map<String, Object> resource = new LinkedHashMap<>();
        private final List<Map<String, Object>> checks = new ArrayList<>();

        Report(String id, String type, String os, String osVersion) {
            resource.put("id", id);
            resource.put("type", type);
            resource.put("os", os);
            resource.put("osVersion", osVersion);
        }

        void check(String id, String status, String value, String detail) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", id);
            check.put("status", status);
            check.put("value", value);
            check.put("detail", detail);
            checks.add(check);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("schema", SCHEMA);
            json.put("resource", resource);
            json.put("checks", checks);
            json.put("truncated", false);
            return json;
        }
    }
}
