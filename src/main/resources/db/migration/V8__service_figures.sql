-- Service figures (io.opsflow.report.ServiceFigureCollection): per customer and month, what Azure
-- Monitor, Resource Health and Log Analytics said about each monitored resource, read once and kept
-- here so that a report never asks Azure again. Re-collecting a month replaces its rows.
-- A collection row says the month was collected, even when the customer had no monitored resource:
-- without one, the report shows "not collected", never zeros.
create table opsflow_service_collection (
    customer_id  varchar(63) not null,
    report_month char(7)     not null,
    collected_at timestamp   not null,
    primary key (customer_id, report_month)
);

-- One row per resource and figure; a null figure_value is "no data" (404, or nothing in the month).
create table opsflow_service_figure (
    customer_id   varchar(63)   not null,
    report_month  char(7)       not null,
    resource_id   varchar(1024) not null,
    resource_name varchar(255)  not null,
    resource_kind varchar(32)   not null,
    figure        varchar(32)   not null,
    figure_value  double precision,
    -- Where the value came from: metrics, resourceHealth, heartbeat or logAnalytics.
    source        varchar(32)   not null,
    primary key (customer_id, report_month, resource_id, figure)
);
