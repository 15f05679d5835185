package io.opsflow.report;

import java.time.YearMonth;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.opsflow.api.ForbiddenException;
import io.opsflow.security.Roles;

/**
 * Collects (or backfills) a customer's service figures for a month by hand; the {@code monthly-report}
 * process does the same each month. Administrators only: it spends the customer's Azure read quota.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports")
class ServiceFigureController {

    private final ServiceFigureCollection collection;
    private final ServiceFigureStore store;
    private final ReportAccess access;

    ServiceFigureController(ServiceFigureCollection collection, ServiceFigureStore store, ReportAccess access) {
        this.collection = collection;
        this.store = store;
        this.access = access;
    }

    @Operation(summary = "Collect a month's service figures from Azure", description = "Reads the customer's monitored resources "
            + "(Resource Graph), Resource Health, Azure Monitor metrics and Log Analytics for the calendar month and replaces what "
            + "opsflow kept for it. A month still running is collected up to now. Administrators only.")
    @ApiResponse(responseCode = "200", description = "The month's service figures as now kept")
    @ApiResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{customer}/{month:\\d{4}-\\d{2}}/service-figures", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthlyReport.Services collect(@PathVariable String customer, @PathVariable String month, Authentication caller) {
        YearMonth yearMonth = ReportController.parse(month);
        if (caller.getAuthorities().stream().noneMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()))) {
            throw new ForbiddenException("Only administrators collect service figures from Azure");
        }
        access.check(caller, customer);
        collection.collect(customer, yearMonth);
        return store.read(customer, yearMonth);
    }
}
