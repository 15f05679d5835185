package io.opsflow.report;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.context.MessageSource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.opsflow.api.InvalidInputException;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;

/** A customer's month as JSON, CSV or PDF, for managers of that customer and administrators. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports")
class ReportController {

    private final MonthlyReports reports;
    private final ReportAccess access;
    private final MessageSource messages;
    private final CustomerRegistry customers;

    ReportController(MonthlyReports reports, ReportAccess access, MessageSource messages, CustomerRegistry customers) {
        this.reports = reports;
        this.access = access;
        this.messages = messages;
        this.customers = customers;
    }

    /** The customers whose reports the caller may read: id and name, for the page's filter. */
    @Operation(summary = "The customers whose reports you may read", description = "Administrators: all; managers: the customers "
            + "(tenants) they are members of; others: none (403).")
    @GetMapping(path = "/customers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ReadableCustomer> customers(Authentication caller) {
        return access.readable(caller).stream().map(c -> new ReadableCustomer(c.id(), c.displayName(), c.locale())).toList();
    }

    record ReadableCustomer(String id, String displayName, String locale) {
    }

    @Operation(summary = "One customer's operations figures for a calendar month", description = "Figures are defined in "
            + "MonthlyReport and the README (Reports). Months are calendar months in opsflow.reports.time-zone (Asia/Tokyo).")
    @ApiResponse(responseCode = "200", description = "The month's figures")
    @ApiResponse(responseCode = "400", description = "The month is not yyyy-MM", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not a manager of this customer, nor an administrator",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{customer}/{month:\\d{4}-\\d{2}}", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthlyReport month(@PathVariable String customer, @PathVariable String month, Authentication caller) {
        YearMonth yearMonth = parse(month);
        access.check(caller, customer);
        return reports.of(customer, yearMonth);
    }

    /** UTF-8 with a byte order mark, so that Excel opens the Japanese labels as Japanese. */
    @Operation(summary = "The same month as CSV", description = "UTF-8 with a byte order mark; labels in the Accept-Language "
            + "(ja or en); rows of section, figure, breakdown, value.")
    @GetMapping(path = "/{customer}/{month:\\d{4}-\\d{2}}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String customer, @PathVariable String month, Authentication caller, Locale locale) {
        YearMonth yearMonth = parse(month);
        access.check(caller, customer);
        byte[] body = ReportCsv.write(reports.of(customer, yearMonth),
                new Messages.Texts(messages, Messages.locale(locale.getLanguage()))).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"opsflow-" + customer + "-" + month + ".csv\"")
                .body(withBom);
    }

    /** Japanese or English by Accept-Language; the font (IPAex Gothic) and the charts are embedded. */
    @Operation(summary = "The same month as PDF", description = "Labels in the Accept-Language (ja or en); charts included.")
    @GetMapping(path = "/{customer}/{month:\\d{4}-\\d{2}}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String customer, @PathVariable String month, Authentication caller, Locale locale) {
        YearMonth yearMonth = parse(month);
        access.check(caller, customer);
        String name = customers.find(customer).map(Customer::displayName).orElse(customer);
        byte[] body = ReportPdf.render(reports.of(customer, yearMonth), name, new Messages.Texts(messages, Messages.locale(locale.getLanguage())));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"opsflow-" + customer + "-" + month + ".pdf\"")
                .body(body);
    }

    static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Invalid month", List.of(new FieldProblem("month", "not a month yyyy-MM: " + month)));
        }
    }
}
