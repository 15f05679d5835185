-- Where a customer's Zabbix API is (io.opsflow.zabbix): the frontend URL and, as in V3, only the NAME
-- of the environment variable holding the API token. Without a URL the customer's Zabbix receives
-- the monitoring design as an import file. Numbered 12.1 so that it sorts after V12 of a parallel branch.
alter table opsflow_customer add column zabbix_api_url varchar(2000);
alter table opsflow_customer add column zabbix_api_token_env varchar(128);
