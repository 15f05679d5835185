-- The customer (tenant) registry. Portable SQL: runs on H2 (embedded default) and PostgreSQL.
-- Secrets are never stored: credential_secret_env and slack_webhook_env name environment variables.
create table opsflow_customer (
    id                          varchar(63)  not null primary key,
    display_name                varchar(200) not null,
    locale                      varchar(2)   not null,
    azure_tenant_id             varchar(36),
    automation_subscription_id  varchar(36),
    automation_resource_group   varchar(90),
    automation_account_name     varchar(50),
    credential_type             varchar(20),
    credential_client_id        varchar(36),
    credential_secret_env       varchar(128),
    servicenow_company_sys_id   varchar(32),
    servicenow_assignment_group varchar(100),
    slack_webhook_env           varchar(128),
    created_at                  timestamp    not null,
    updated_at                  timestamp    not null
);

-- A subscription belongs to one customer: alerts are routed to the customer by subscription.
create table opsflow_customer_subscription (
    subscription_id varchar(36) not null primary key,
    customer_id     varchar(63) not null references opsflow_customer (id) on delete cascade,
    position        integer     not null
);
create index opsflow_customer_subscription_customer on opsflow_customer_subscription (customer_id);

-- A Zabbix host group belongs to one customer: problems are routed to the customer by host group.
create table opsflow_customer_host_group (
    host_group  varchar(255) not null primary key,
    customer_id varchar(63)  not null references opsflow_customer (id) on delete cascade,
    position    integer      not null
);
create index opsflow_customer_host_group_customer on opsflow_customer_host_group (customer_id);

create table opsflow_customer_sla (
    customer_id            varchar(63) not null references opsflow_customer (id) on delete cascade,
    priority               varchar(2)  not null,
    acknowledge_seconds    bigint      not null,
    identify_cause_seconds bigint      not null,
    resolve_seconds        bigint      not null,
    primary key (customer_id, priority)
);
