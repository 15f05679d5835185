-- H2 only (Flyway location db/vendor/{vendor}): the month's reads (ReportItems) answered from the
-- indexes alone. H2 keeps table rows in insertion order, and a customer's items and an item's facts
-- are written over days, interleaved with everyone else's, so reading a month's rows deserialised
-- thousands of scattered pages. An index holding every column the read needs keeps them in key
-- order: a customer's items by time, an item's facts together. PostgreSQL meets the target without
-- them, and its B-tree cannot index text_value's 4,000 characters.
drop index opsflow_report_fact_item;
create index opsflow_report_fact_item on opsflow_report_fact (process_instance_id, name, occurred_at, text_value, long_value);
drop index opsflow_report_item_opened;
create index opsflow_report_item_opened on opsflow_report_item
    (customer_id, opened_at, process_instance_id, process_key, business_key, closed_at, end_activity);
drop index opsflow_report_item_closed;
create index opsflow_report_item_closed on opsflow_report_item
    (customer_id, closed_at, opened_at, process_instance_id, process_key, business_key, end_activity);
