package io.opsflow.servicenow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What opsflow does in the MSP's ServiceNow. Every call retries 429, 5xx and timeouts within
 * {@link ServiceNowProperties.Retry} and then throws {@link ServiceNowUnavailableException};
 * 400/401/403/404 throw their {@link ServiceNowException} subclass at once.
 */
public interface ServiceNowClient {

    /**
     * Opens an incident, or returns the one already open for {@code incident.correlationId()}: one
     * logical create never makes two records, also when a response is lost and the call is retried.
     */
    Incident createIncident(NewIncident incident);

    Optional<Incident> findIncidentByCorrelationId(String correlationId);

    Optional<Incident> findIncidentByNumber(String number);

    /** @throws ServiceNowNotFoundException if there is no such incident or the integration user may not see it */
    Incident getIncident(String sysId);

    /** Use the {@link NoteKey} form when the update carries a work note or comment. */
    Incident updateIncident(String sysId, IncidentUpdate update);

    /**
     * Writes the update's work note / comment at most once for {@code noteKey}: the note carries the
     * key's marker, and a note already in {@code sys_journal_field} with that marker (an earlier attempt
     * whose answer was lost) means the update was made; then nothing is sent and the incident is read.
     */
    Incident updateIncident(String sysId, IncidentUpdate update, NoteKey noteKey);

    /** The newest entries first, at most {@code limit}, of the given journals of one incident. */
    List<JournalEntry> latestJournalEntries(String incidentSysId, Set<JournalField> fields, int limit);

    /** Use the {@link NoteKey} form when the update carries a work note. */
    RequestedItem updateRequestedItem(String sysId, RequestedItemUpdate update);

    /** Like {@link #updateIncident(String, IncidentUpdate, NoteKey)}: the note is written at most once. */
    RequestedItem updateRequestedItem(String sysId, RequestedItemUpdate update, NoteKey noteKey);

    /** The e-mail address of the active user {@code userName} ({@code sys_user.user_name}); empty if none or blank. */
    Optional<String> findUserEmail(String userName);

    /** All matching rows, following the pages to the end. */
    List<TableRecord> query(TableQuery query);

    /**
     * Attaches the file to its record once: a file of that name already on the record (an earlier attempt
     * whose answer was lost) is returned instead of attaching a second copy.
     */
    Attachment attachOnce(NewAttachment file);

    /** The sys_id of the company named {@code name} ({@code core_company}), created when there is none. */
    String ensureCompany(String name);

    /** The sys_id of the assignment group named {@code name} ({@code sys_user_group}) of the company, created when there is none. */
    String ensureAssignmentGroup(String name, String companySysId);
}
