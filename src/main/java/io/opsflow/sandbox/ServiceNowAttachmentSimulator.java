package io.opsflow.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * ServiceNow's Attachment API for sandbox mode: {@code POST /api/now/attachment/file} keeps the bytes
 * and a {@code sys_attachment} row (also readable through the Table API simulator), {@code GET
 * /api/now/attachment} lists rows by encoded query, {@code GET /api/now/attachment/{sys_id}/file}
 * returns the file, as the documented API does.
 */
@RestController
@RequestMapping(path = "/sandbox/servicenow/api/now/attachment")
@ConditionalOnSandbox
class ServiceNowAttachmentSimulator {

    private final ServiceNowTables tables;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    ServiceNowAttachmentSimulator(ServiceNowTables tables) {
        this.tables = tables;
    }

    @PostMapping(path = "/file", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(@RequestParam("table_name") String tableName, @RequestParam("table_sys_id") String tableSysId,
                             @RequestParam("file_name") String fileName,
                             @RequestHeader(value = "Content-Type", required = false) String contentType,
                             @RequestBody(required = false) byte[] content) {
        if (content == null || content.length == 0) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("status", "failure",
                    "error", Map.of("message", "Empty file", "detail", "The request body holds no file")));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("table_name", tableName);
        fields.put("table_sys_id", tableSysId);
        fields.put("file_name", fileName);
        fields.put("content_type", contentType == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType);
        fields.put("size_bytes", Integer.toString(content.length));
        Map<String, String> row = new LinkedHashMap<>(tables.insert("sys_attachment", fields));
        files.put(row.get("sys_id"), content);
        row.put("download_link", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/sandbox/servicenow/api/now/attachment/{id}/file").buildAndExpand(row.get("sys_id")).toUriString());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("result", row));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(name = "sysparm_query", defaultValue = "") String query,
                             @RequestParam(name = "sysparm_limit", defaultValue = "1000") int limit) {
        ServiceNowSimulator.EncodedQuery parsed = ServiceNowSimulator.EncodedQuery.parse(query);
        List<Map<String, String>> rows = tables.query("sys_attachment", parsed.filter(), parsed.order(), parsed.newestFirst());
        return Map.of("result", rows.stream().limit(limit).toList());
    }

    @GetMapping("/{sysId}/file")
    ResponseEntity<byte[]> download(@PathVariable String sysId) {
        byte[] content = files.get(sysId);
        if (content == null) {
            return ResponseEntity.notFound().build();
        }
        String type = tables.get("sys_attachment", sysId).map(r -> r.get("content_type")).orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).body(content);
    }
}
