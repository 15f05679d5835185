-- Microsoft support escalation (issue 12): each customer's support plan, the contact Microsoft talks
-- to, where Microsoft's messages land in ServiceNow, and a CSP partner's auxiliary tenant. Nothing
-- secret: the auxiliary token is obtained at call time, only the tenant id is stored.
-- Customers registered before have none of these (support_relay is null): they load without a
-- support section. Lengths are characters on H2 and PostgreSQL alike, so Japanese names fit.
alter table opsflow_customer add column support_plan varchar(20);
alter table opsflow_customer add column support_relay varchar(10);
alter table opsflow_customer add column support_auxiliary_tenant_id varchar(36);
alter table opsflow_customer add column support_contact_first_name varchar(100);
alter table opsflow_customer add column support_contact_last_name varchar(100);
alter table opsflow_customer add column support_contact_email varchar(254);
-- Space-separated: a validated e-mail address holds no space; at most 10 of at most 254 characters.
alter table opsflow_customer add column support_contact_additional_emails varchar(2600);
alter table opsflow_customer add column support_contact_phone varchar(40);
alter table opsflow_customer add column support_contact_method varchar(10);
alter table opsflow_customer add column support_contact_language varchar(10);
alter table opsflow_customer add column support_contact_time_zone varchar(100);
alter table opsflow_customer add column support_contact_country varchar(3);
