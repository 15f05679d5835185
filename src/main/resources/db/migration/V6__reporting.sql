-- Reporting projection (io.opsflow.report): what the monthly figures are computed from, written by a
-- history event handler in the engine's own transaction and rebuildable from Camunda's history, so a
-- report never scans ACT_HI_*. One item per reported process instance, and its facts: a timestamped
-- step (an activity that started or ended) or a value (a variable as set). Facts are only inserted.
create table opsflow_report_item (
    process_instance_id varchar(64)  not null primary key,
    customer_id         varchar(63),
    process_key         varchar(255) not null,
    business_key        varchar(255),
    opened_at           timestamp    not null,
    closed_at           timestamp,
    end_activity        varchar(255)
);
create index opsflow_report_item_month on opsflow_report_item (customer_id, process_key, opened_at);
create index opsflow_report_item_open on opsflow_report_item (customer_id, process_key, closed_at);

create table opsflow_report_fact (
    process_instance_id varchar(64)  not null,
    name                varchar(64)  not null,
    occurred_at         timestamp    not null,
    -- As Camunda keeps a variable (ACT_HI_DETAIL): strings in text_value; booleans, dates (epoch
    -- milliseconds) and numbers in long_value.
    text_value          varchar(4000),
    long_value          bigint
);
create index opsflow_report_fact_item on opsflow_report_fact (process_instance_id);
