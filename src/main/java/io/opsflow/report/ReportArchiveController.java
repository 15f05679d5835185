package io.opsflow.report;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The monthly reports as issued by the {@code monthly-report} process: the list, and each PDF as it was sent. */
@RestController
@RequestMapping("/api/reports/{customer}/issued")
@Tag(name = "reports")
class ReportArchiveController {

    private final ReportArchive archive;
    private final ReportAccess access;

    ReportArchiveController(ReportArchive archive, ReportAccess access) {
        this.archive = archive;
        this.access = access;
    }

    /** Where the review task and the list point to one issued PDF. */
    static String download(String customerId, String id) {
        return "/api/reports/" + customerId + "/issued/" + id + ".pdf";
    }

    @Operation(summary = "The customer's issued monthly reports, newest month first", description = "Each version with its "
            + "status (draft, archived, sent, withheld), reviewer, comment and ServiceNow attachment. Administrators, and the "
            + "customer's managers and operators.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<ReportArchive.Entry> list(@PathVariable String customer, Authentication caller) {
        access.checkIssued(caller, customer);
        return archive.of(customer);
    }

    @Operation(summary = "One issued monthly report as the PDF that was sent (or is under review)")
    @GetMapping(path = "/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String customer, @PathVariable String id, Authentication caller) {
        access.checkIssued(caller, customer);
        ReportArchive.Entry entry = archive.find(id).filter(e -> e.customerId().equals(customer))
                .orElseThrow(() -> new NotFoundException("No issued report '" + id + "' of customer '" + customer + "'"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + entry.fileName() + "\"")
                .body(archive.pdf(id).orElseThrow());
    }
}
