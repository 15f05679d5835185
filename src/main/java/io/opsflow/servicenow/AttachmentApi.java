package io.opsflow.servicenow;

import static io.opsflow.servicenow.TableApi.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The Attachment API: {@code POST /api/now/attachment/file} with the file as the body, and
 * {@code GET /api/now/attachment} to find one by record and file name. Looking first, and again
 * before a retry, keeps a lost answer from attaching the file twice.
 */
final class AttachmentApi {

    private final TableApi api;

    AttachmentApi(TableApi api) {
        this.api = api;
    }

    Attachment attachOnce(NewAttachment file) {
        return find(file).orElseGet(() -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("table_name", file.tableName());
            parameters.put("table_sys_id", file.tableSysId());
            parameters.put("file_name", file.fileName());
            TableApi.Request request = TableApi.Request.attachment(HttpMethod.POST, "/file", parameters)
                    .withBinary(MediaType.parseMediaType(file.contentType()), file.content());
            return api.call(request, response -> Attachment.from(TableApi.result(response)), () -> find(file));
        });
    }

    Optional<Attachment> find(NewAttachment file) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sysparm_query", "table_name=" + file.tableName() + "^table_sys_id=" + file.tableSysId()
                + "^file_name=" + file.fileName() + "^ORDERBYsys_created_on");
        parameters.put("sysparm_limit", "1");
        return api.call(TableApi.Request.attachment(HttpMethod.GET, "", parameters),
                response -> results(response, TableQuery.DisplayValue.FALSE).stream().findFirst().map(Attachment::from));
    }
}
