package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The sandbox's Support catalog: a realistic subset of Microsoft's services and their problem
 * classifications, each named in English and Japanese. The virtual machine service ids are
 * Microsoft's real ones; the others are stable name-based UUIDs. Callers must read the ids from
 * {@code GET /providers/Microsoft.Support/services} as they would in production, which this class
 * answers too.
 */
final class SimulatedSupportCatalog {

    static final String VM_WINDOWS = "6f16735c-b0ae-b275-ad3a-03479cfa1396";
    static final String VM_LINUX = "cddd3eb5-1830-b494-44fd-782f691479dc";

    record Text(String en, String ja) {
        String in(boolean japanese) {
            return japanese ? ja : en;
        }
    }

    record Service(String name, Text displayName, List<String> resourceTypes, List<Problem> problems) {
        String id() {
            return "/providers/Microsoft.Support/services/" + name;
        }
    }

    record Problem(String name, Text displayName) {
    }

    private static final List<String> VM_TYPES = List.of("MICROSOFT.CLASSICCOMPUTE/VIRTUALMACHINES", "MICROSOFT.COMPUTE/VIRTUALMACHINES");

    static final List<Service> SERVICES = List.of(
            service(VM_WINDOWS, "Virtual Machine running Windows", "Windows を実行している仮想マシン", VM_TYPES,
                    problem("Cannot start or stop my VM / VM is stuck in starting state", "VM を起動または停止できない / VM が起動中のまま進まない"),
                    problem("Cannot connect to my VM / Troubleshoot my RDP connection", "VM に接続できない / RDP 接続のトラブルシューティング"),
                    problem("VM performance / High CPU usage", "VM のパフォーマンス / CPU 使用率が高い")),
            service(VM_LINUX, "Virtual Machine running Linux", "Linux を実行している仮想マシン", VM_TYPES,
                    problem("Cannot start or stop my VM / VM is stuck in starting state", "VM を起動または停止できない / VM が起動中のまま進まない"),
                    problem("Cannot connect to my VM / Troubleshoot my SSH connection", "VM に接続できない / SSH 接続のトラブルシューティング"),
                    problem("VM performance / Disk or file system full", "VM のパフォーマンス / ディスクまたはファイル システムの容量不足")),
            service(uuid("sql-database"), "SQL Database", "SQL データベース", List.of("MICROSOFT.SQL/SERVERS", "MICROSOFT.SQL/SERVERS/DATABASES"),
                    problem("Connectivity / Connection timeouts or failures", "接続 / 接続のタイムアウトまたは失敗"),
                    problem("Performance and query tuning / High DTU or CPU usage", "パフォーマンスとクエリのチューニング / DTU または CPU 使用率が高い")),
            service(uuid("app-service"), "Web App (Windows)", "Web アプリ (Windows)", List.of("MICROSOFT.WEB/SITES"),
                    problem("Availability and performance / Web app down or reporting errors", "可用性とパフォーマンス / Web アプリが停止している、またはエラーを返す"),
                    problem("Deployment / Cannot deploy to the web app", "デプロイ / Web アプリにデプロイできない")),
            service(uuid("cosmos-db"), "Azure Cosmos DB", "Azure Cosmos DB", List.of("MICROSOFT.DOCUMENTDB/DATABASEACCOUNTS"),
                    problem("Availability / Service unavailable or request timeouts (408/503)", "可用性 / サービス利用不可または要求のタイムアウト (408/503)"),
                    problem("Throughput / Request rate too large (429)", "スループット / 要求レートが大きすぎる (429)")),
            service(uuid("virtual-desktop"), "Azure Virtual Desktop", "Azure Virtual Desktop", List.of("MICROSOFT.DESKTOPVIRTUALIZATION/HOSTPOOLS"),
                    problem("Connectivity / Users cannot connect to the session host", "接続 / ユーザーがセッション ホストに接続できない"),
                    problem("Session host / Session host unavailable", "セッション ホスト / セッション ホストが使用不可")),
            service(uuid("azure-monitor"), "Azure Monitor", "Azure Monitor",
                    List.of("MICROSOFT.INSIGHTS/ACTIONGROUPS", "MICROSOFT.OPERATIONALINSIGHTS/WORKSPACES"),
                    problem("Alerts and action groups / Alert did not fire or notify", "アラートとアクション グループ / アラートが発報または通知されない"),
                    problem("Log Analytics / Missing or delayed data", "Log Analytics / データの欠落または遅延")));

    private SimulatedSupportCatalog() {
    }

    /**
     * {@code GET /providers/Microsoft.Support/services[/{s}[/problemClassifications[/{p}]]]}, named in
     * the caller's {@code Accept-Language}.
     */
    static ResponseEntity<?> answer(String path, String serviceName, String problemName, String acceptLanguage) {
        boolean japanese = japanese(acceptLanguage);
        if (serviceName == null) {
            return ResponseEntity.ok(Map.of("value", SERVICES.stream().map(s -> json(s, japanese)).toList()));
        }
        Optional<Service> service = service(serviceName);
        if (service.isEmpty()) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Service '" + serviceName + "' was not found.");
        }
        if (!path.toLowerCase(Locale.ROOT).contains("/problemclassifications")) {
            return ResponseEntity.ok(json(service.get(), japanese));
        }
        if (problemName == null) {
            return ResponseEntity.ok(Map.of("value", service.get().problems().stream().map(p -> json(service.get(), p, japanese)).toList()));
        }
        return problemOf(service.get(), problemName)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(json(service.get(), p, japanese)))
                .orElseGet(() -> armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Problem classification '" + problemName + "' was not found."));
    }

    /** {@code Accept-Language: ja-JP,…} or a contact's {@code ja-jp}: Japanese; anything else: English. */
    static boolean japanese(String language) {
        return language != null && language.trim().toLowerCase(Locale.ROOT).startsWith("ja");
    }

    static Optional<Service> service(String name) {
        return SERVICES.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The service and problem classification a ticket's {@code serviceId} / {@code problemClassificationId} name. */
    static Optional<Service> serviceOf(Object serviceId) {
        String id = String.valueOf(serviceId);
        return service(id.substring(id.lastIndexOf('/') + 1));
    }

    static Optional<Problem> problemOf(Service service, Object problemClassificationId) {
        String id = String.valueOf(problemClassificationId);
        String name = id.substring(id.lastIndexOf('/') + 1);
        return service.problems().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    static Map<String, Object> json(Service service, boolean japanese) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", service.id());
        json.put("name", service.name());
        json.put("type", "Microsoft.Support/services");
        json.put("properties", Map.of("displayName", service.displayName().in(japanese), "resourceTypes", service.resourceTypes()));
        return json;
    }

    static Map<String, Object> json(Service service, Problem problem, boolean japanese) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", service.id() + "/problemClassifications/" + problem.name());
        json.put("name", problem.name());
        json.put("type", "Microsoft.Support/problemClassifications");
        json.put("properties", Map.of("displayName", problem.displayName().in(japanese), "secondaryConsentEnabled", List.of()));
        return json;
    }

    /** Each service's problem classifications have their own ids, as Microsoft's do. */
    private static Service service(String name, String en, String ja, List<String> types, Text... problems) {
        return new Service(name, new Text(en, ja), types,
                java.util.Arrays.stream(problems).map(p -> new Problem(uuid(name + "/" + p.en()), p)).toList());
    }

    private static Text problem(String en, String ja) {
        return new Text(en, ja);
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
