-- The facts the trend reads, kept on the item as well (io.opsflow.report.ReportItem.Summary): a report
-- reads the three months before it without their facts, three quarters of what it read before. The live
-- handler keeps them with each fact; below, items already projected get them from their facts (the names
-- are ReportedFacts' at the time of writing: IncidentFigures.RESOLVED, resolveDueAt, RequestFigures.HUMAN_STEPS).
alter table opsflow_report_item add column resolved_at timestamp;
alter table opsflow_report_item add column resolve_due_at bigint;
alter table opsflow_report_item add column resolve_due_set_at timestamp;
alter table opsflow_report_item add column human_step_at timestamp;

update opsflow_report_item set
    resolved_at = (select min(f.occurred_at) from opsflow_report_fact f where f.process_instance_id = opsflow_report_item.process_instance_id
        and f.name in ('ServiceTask_ResolveServiceNowIncident.end', 'StartEvent_ServiceNowIncidentResolved.end',
                       'ServiceTask_CloseSelfHealedIncident.end', 'EndEvent_SelfHealedRaised.end')),
    resolve_due_at = (select f.long_value from opsflow_report_fact f where f.process_instance_id = opsflow_report_item.process_instance_id
        and f.name = 'resolveDueAt' order by f.occurred_at desc fetch first 1 rows only),
    resolve_due_set_at = (select max(f.occurred_at) from opsflow_report_fact f where f.process_instance_id = opsflow_report_item.process_instance_id
        and f.name = 'resolveDueAt')
    where process_key = 'incident-coordination';

update opsflow_report_item set
    human_step_at = (select min(f.occurred_at) from opsflow_report_fact f where f.process_instance_id = opsflow_report_item.process_instance_id
        and f.name in ('UserTask_ApproveRequest.end', 'UserTask_HandleFulfilmentFailure.end', 'UserTask_ReviewOverdueApproval.end'))
    where process_key = 'service-catalog-request';
