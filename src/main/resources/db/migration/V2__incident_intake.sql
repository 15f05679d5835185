-- Inbound deliveries seen (webhook idempotency) and the incident each key is open in (storm grouping).
create table opsflow_inbound_delivery (
    delivery_id         varchar(512) not null primary key,
    source              varchar(20)  not null,
    alert_id            varchar(512),
    alert_state         varchar(10),
    outcome             varchar(12),
    process_instance_id varchar(64),
    business_key        varchar(255),
    received_at         timestamp    not null
);
create index opsflow_inbound_delivery_alert on opsflow_inbound_delivery (alert_id);

-- One row per incident still running for an alert key (customer | rule | resource): a second
-- alert for the key waits on this row's lock and is correlated instead of opening a second incident.
create table opsflow_open_incident (
    incident_key        varchar(1000) not null primary key,
    process_instance_id varchar(64),
    business_key        varchar(255)
);
create index opsflow_open_incident_instance on opsflow_open_incident (process_instance_id);
