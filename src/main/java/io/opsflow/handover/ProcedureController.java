package io.opsflow.handover;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.opsflow.api.ForbiddenException;
import io.opsflow.api.InvalidInputException;
import io.opsflow.api.NotFoundException;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;

/**
 * {@code GET /api/customers/{customerId}/procedures/{operator|administrator}[.md|.pdf|.html]}: a
 * customer's procedures from the monitoring items its operations review agreed, for administrators and
 * the customer's tenant members (checked here: the URL names the customer, it does not grant it).
 * Without a suffix the {@code Accept} header chooses, Markdown by default. {@code ?lang=ja|en}, else
 * the customer's language. The HTML view takes {@code ?item=<monitoring item name>}, as the Triage form
 * links it, and answers with the page at that item's anchor.
 */
@RestController
class ProcedureController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final ProcedureDocuments documents;
    private final Onboarding onboarding;
    private final CustomerRegistry customers;
    private final CustomerWorkers workers;

    ProcedureController(ProcedureDocuments documents, Onboarding onboarding, CustomerRegistry customers, CustomerWorkers workers) {
        this.documents = documents;
        this.onboarding = onboarding;
        this.customers = customers;
        this.workers = workers;
    }

    private enum Format { MD, PDF, HTML }

    @GetMapping("/api/customers/{customerId}/procedures/{document}")
    ResponseEntity<?> get(@PathVariable String customerId, @PathVariable String document, @RequestParam(required = false) String lang,
                          @RequestParam(required = false) String item, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                          Authentication caller) {
        Messages.Texts texts = Messages.caller();
        int dot = document.lastIndexOf('.');
        String name = dot < 0 ? document : document.substring(0, dot);
        ProcedureKind kind = ProcedureKind.of(name).orElseThrow(() -> invalid(texts, "kind", "procedure.request.unknownKind", name));
        Format format = dot < 0 ? negotiated(accept) : format(texts, document.substring(dot + 1));
        if (lang != null && !lang.equals("ja") && !lang.equals("en")) {
            throw invalid(texts, "lang", "procedure.request.unknownLang", lang);
        }
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new NotFoundException(texts.text("procedure.request.noCustomer", customerId)));
        checkWorksFor(caller, customerId, texts);
        Onboarding.AgreedDesign agreed = onboarding.agreed(customerId)
                .orElseThrow(() -> new NotFoundException(texts.text("procedure.request.notAgreed", customerId)));
        Locale locale = Messages.locale(lang != null ? lang : customer.locale());
        Customer asAgreed = withAgreedSla(customer, agreed);
        List<MonitoringItem> items = MonitoringItemsList.parse(agreed.monitoringItems().getBytes(StandardCharsets.UTF_8),
                "agreed." + agreed.monitoringItemsFormat()).items();
        String base = "/api/customers/" + customerId + "/procedures/" + kind.path();
        return switch (format) {
            case MD -> ResponseEntity.ok().contentType(MARKDOWN).cacheControl(CacheControl.noStore())
                    .body(documents.markdown(asAgreed, items, kind, locale));
            case PDF -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(customerId + "-" + kind.path() + "-procedure-" + locale.getLanguage() + ".pdf").build().toString())
                    .body(documents.pdf(asAgreed, items, kind, locale));
            case HTML -> html(asAgreed, items, kind, locale, base, item);
        };
    }

    /**
     * The page, or for a named item that the list holds a redirect to the page at its anchor: the Triage
     * form's link can carry the name, but not the anchor, which FEEL cannot compute.
     */
    private ResponseEntity<?> html(Customer customer, List<MonitoringItem> items, ProcedureKind kind, Locale locale, String base, String item) {
        String missing = null;
        if (item != null && !item.isBlank()) {
            String anchor = ProcedureDocument.anchor(item);
            if (items.stream().anyMatch(i -> ProcedureDocument.anchor(i.name()).equals(anchor))) {
                URI page = UriComponentsBuilder.fromPath(base + ".html").queryParam("lang", locale.getLanguage()).fragment(anchor)
                        .encode().build().toUri();
                return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
            }
            missing = item;
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore())
                .body(documents.html(customer, items, kind, locale, base, missing));
    }

    /**
     * The SLA the review agreed over the registry's: before go-live the registry has none yet, and the
     * procedures describe the agreed design.
     */
    private static Customer withAgreedSla(Customer customer, Onboarding.AgreedDesign agreed) {
        Map<String, Customer.SlaTarget> sla = new TreeMap<>(customer.sla());
        sla.putAll(agreed.pendingSla());
        return new Customer(customer.id(), customer.displayName(), customer.locale(), customer.azure(), customer.servicenow(),
                customer.zabbix(), customer.slack(), sla, customer.members(), customer.support());
    }

    private static Format negotiated(String accept) {
        if (accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
            return Format.PDF;
        }
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) ? Format.HTML : Format.MD;
    }

    private static Format format(Messages.Texts texts, String suffix) {
        return switch (suffix) {
            case "md" -> Format.MD;
            case "pdf" -> Format.PDF;
            case "html" -> Format.HTML;
            default -> throw invalid(texts, "format", "procedure.request.unknownFormat", suffix);
        };
    }

    private void checkWorksFor(Authentication caller, String customerId, Messages.Texts texts) {
        if (!workers.worksFor(caller, customerId)) {
            throw new ForbiddenException(texts.text("procedure.request.forbidden", customerId));
        }
    }

    private static InvalidInputException invalid(Messages.Texts texts, String field, String key, String value) {
        return new InvalidInputException(texts.text("procedure.request.invalid"), List.of(new FieldProblem(field, texts.text(key, value))));
    }
}
