package io.opsflow.servicenow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsflow.outbound.OutboundClient;

/**
 * {@link ServiceNowClient} over the Table API: each operation is its table's
 * ({@link IncidentTable}, {@link RequestedItemTable}, {@link JournalTable}, {@link TablePages}), all
 * on one {@link TableApi} transport. Blocking on purpose: its callers are delegates on job executor
 * threads, whose transaction and retry cycle wrap exactly one call.
 */
public final class TableApiServiceNowClient implements ServiceNowClient {

    private static final Logger log = LoggerFactory.getLogger(TableApiServiceNowClient.class);

    private final IncidentTable incidents;
    private final RequestedItemTable requestedItems;
    private final JournalTable journal;
    private final TablePages pages;
    private final AttachmentApi attachments;
    private final CompanyTables companies;

    public TableApiServiceNowClient(OutboundClient outbound, ServiceNowProperties properties, ServiceNowEndpoint endpoint) {
        TableApi api = new TableApi(outbound, endpoint, new ServiceNowCredentials(properties));
        this.incidents = new IncidentTable(api);
        this.requestedItems = new RequestedItemTable(api);
        this.journal = new JournalTable(api);
        this.pages = new TablePages(api);
        this.attachments = new AttachmentApi(api);
        this.companies = new CompanyTables(api);
        // Sandbox mode brings its own endpoint and needs no credentials; a real instance does.
        if (properties.baseUrl() != null && !properties.usesOAuth() && !properties.usesBasic()) {
            log.warn("No ServiceNow credentials configured: requests to {} are sent without authentication",
                    properties.baseUrl());
        }
    }

    @Override
    public String ensureCompany(String name) {
        return companies.ensureCompany(name);
    }

    @Override
    public String ensureAssignmentGroup(String name, String companySysId) {
        return companies.ensureAssignmentGroup(name, companySysId);
    }

    @Override
    public Incident createIncident(NewIncident incident) {
        return incidents.create(incident);
    }

    @Override
    public Optional<Incident> findIncidentByCorrelationId(String correlationId) {
        return incidents.findByCorrelationId(correlationId);
    }

    @Override
    public Optional<Incident> findIncidentByNumber(String number) {
        return incidents.findByNumber(number);
    }

    @Override
    public Incident getIncident(String sysId) {
        return incidents.get(sysId);
    }

    @Override
    public Incident updateIncident(String sysId, IncidentUpdate update) {
        return incidents.update(sysId, update);
    }

    @Override
    public Incident updateIncident(String sysId, IncidentUpdate update, NoteKey noteKey) {
        return journal.updateOnce("incident", sysId, update.fields(), Incident.FIELDS, noteKey, Incident::from);
    }

    @Override
    public List<JournalEntry> latestJournalEntries(String incidentSysId, Set<JournalField> fields, int limit) {
        return journal.latest(incidentSysId, fields, limit);
    }

    @Override
    public RequestedItem updateRequestedItem(String sysId, RequestedItemUpdate update) {
        return requestedItems.update(sysId, update);
    }

    @Override
    public RequestedItem updateRequestedItem(String sysId, RequestedItemUpdate update, NoteKey noteKey) {
        return journal.updateOnce("sc_req_item", sysId, update.fields(), RequestedItem.FIELDS, noteKey,
                RequestedItem::from);
    }

    @Override
    public Optional<String> findUserEmail(String userName) {
        TableQuery users = new TableQuery("sys_user", "user_name=" + TableApi.queryValue(userName) + "^active=true",
                List.of("email"), 1, TableQuery.DisplayValue.FALSE);
        return pages.query(users).stream().map(user -> user.value("email")).filter(e -> e != null && !e.isBlank()).findFirst();
    }

    @Override
    public List<TableRecord> query(TableQuery query) {
        return pages.query(query);
    }

    @Override
    public Attachment attachOnce(NewAttachment file) {
        return attachments.attachOnce(file);
    }
}
