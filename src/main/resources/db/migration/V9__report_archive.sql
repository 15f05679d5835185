-- Monthly customer reports as issued (io.opsflow.report.ReportArchive): each PDF the monthly-report
-- process rendered, kept as it was sent, so a report can be read again as the customer received it
-- even after history moved on. A month may have several versions (a report reissued by hand); the
-- operator's review and the ServiceNow attachment are recorded on the version they concern.
create table opsflow_report_archive (
    id                    varchar(36)   not null primary key,
    customer_id           varchar(63)   not null,
    report_month          varchar(7)    not null,
    language              varchar(8)    not null,
    -- draft (rendered for review), sent (attached in ServiceNow), archived (kept, not sent: no ServiceNow
    -- record) or withheld (the reviewer decided not to send it).
    status                varchar(16)   not null,
    process_instance_id   varchar(64),
    created_at            timestamp     not null,
    reviewed_by           varchar(255),
    reviewed_at           timestamp,
    review_comment        varchar(4000),
    servicenow_attachment varchar(32),
    -- Unique, and what identifies the attachment in ServiceNow: two renders at once cannot share it.
    file_name             varchar(100)  not null unique,
    pdf                   bytea         not null
);
create index opsflow_report_archive_month on opsflow_report_archive (customer_id, report_month);
