-- Per-customer webhook credentials (docs/webhook-credentials.md). As in V1, only the NAMES of the
-- environment variables holding the tokens are stored, never a token.
alter table opsflow_customer add column azure_monitor_token_env varchar(128);
alter table opsflow_customer add column azure_monitor_tenant_id varchar(36);
-- Secure Webhook audiences (Application ID URI and/or client id), space-separated: none contains a space.
alter table opsflow_customer add column azure_monitor_audiences varchar(1000);
alter table opsflow_customer add column zabbix_token_env varchar(128);

-- A ServiceNow company belongs to one customer: incidents raised in ServiceNow are routed by it.
-- The registry refuses a second owner with a field error; this index holds against concurrent saves.
-- A database where two customers already share a company fails here: give each its own first.
create unique index opsflow_customer_company on opsflow_customer (servicenow_company_sys_id);
