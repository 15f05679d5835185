-- Reads of one customer's month (ReportItems) as index range scans instead of everything the customer
-- ever opened: the items opened in the period by (customer_id, opened_at); those opened before it and
-- closed in or after it, or still open, by (customer_id, closed_at, opened_at), whose entries alone
-- answer the condition. The V6 indexes put process_key between customer and time, which no read uses.
drop index opsflow_report_item_month;
drop index opsflow_report_item_open;
create index opsflow_report_item_opened on opsflow_report_item (customer_id, opened_at);
create index opsflow_report_item_closed on opsflow_report_item (customer_id, closed_at, opened_at);

-- An incident's latest ServiceNow number on its item, so that "reopened" (an earlier incident with the
-- same number) is an index lookup instead of a join over the customer's facts.
alter table opsflow_report_item add column service_now_number varchar(255);
update opsflow_report_item set service_now_number = (select f.text_value from opsflow_report_fact f
    where f.process_instance_id = opsflow_report_item.process_instance_id and f.name = 'serviceNowNumber'
    and char_length(f.text_value) <= 255 order by f.occurred_at desc fetch first 1 rows only)
    where process_key = 'incident-coordination';
create index opsflow_report_item_number on opsflow_report_item (customer_id, service_now_number, opened_at);
