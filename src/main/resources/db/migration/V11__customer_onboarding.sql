-- A customer's way into operation (io.opsflow.customer.Onboarding): from the intake until go-live it is
-- "onboarding" (its alerts are tests that page nobody), then "live". What the operations review agreed
-- is kept here until go-live: the monitoring items list the monitoring was applied from, the SLA
-- targets that become the registry's at go-live, and the agreed operation scenarios. A customer
-- without a row was registered before this table and is live.
create table opsflow_customer_onboarding (
    customer_id             varchar(63)     not null primary key,
    -- onboarding or live
    stage                   varchar(16)     not null,
    monitoring_items        varchar(1000000),
    monitoring_items_format varchar(8),
    -- JSON object priority -> {acknowledge, identifyCause, resolve} (ISO-8601 durations)
    pending_sla             varchar(4000),
    operation_scenarios     varchar(100000),
    agreed_at               timestamp,
    live_at                 timestamp,
    updated_at              timestamp       not null
);
