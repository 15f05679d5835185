package io.opsflow.report;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the projection from Camunda's history tables (ACT_HI_PROCINST, ACT_HI_ACTINST and the
 * variable updates of ACT_HI_DETAIL, kept at history level full) with set-based SQL: the same rows
 * the live handler writes, for whatever history is still kept (the history time to live bounds it).
 */
@Component
public class ReportRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReportRebuild.class);

    private final JdbcTemplate jdbc;

    ReportRebuild(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the number of items rebuilt */
    @Transactional
    public int rebuild() {
        jdbc.update("delete from opsflow_report_fact");
        jdbc.update("delete from opsflow_report_item");
        for (String key : ReportedFacts.PROCESS_KEYS) {
            List<String> started = ReportedFacts.STARTED.get(key);
            if (!started.isEmpty()) {
                jdbc.update("insert into opsflow_report_fact (process_instance_id, name, occurred_at) select PROC_INST_ID_,"
                        + " ACT_ID_ || '.start', START_TIME_ from ACT_HI_ACTINST where PROC_DEF_KEY_ = ? and ACT_ID_ in ("
                        + quoted(started) + ")", key);
            }
            // Ended, not cancelled (ActivityInstanceState.CANCELED is 2), as the live handler counts them.
            jdbc.update("insert into opsflow_report_fact (process_instance_id, name, occurred_at) select PROC_INST_ID_,"
                    + " ACT_ID_ || '.end', END_TIME_ from ACT_HI_ACTINST where PROC_DEF_KEY_ = ? and END_TIME_ is not null"
                    + " and (ACT_INST_STATE_ is null or ACT_INST_STATE_ <> 2) and ACT_ID_ in (" + quoted(ReportedFacts.ENDED.get(key)) + ")",
                    key);
            jdbc.update("insert into opsflow_report_fact (process_instance_id, name, occurred_at, text_value, long_value)"
                    + " select PROC_INST_ID_, NAME_, TIME_, TEXT_, LONG_ from ACT_HI_DETAIL where TYPE_ = 'VariableUpdate'"
                    + " and PROC_DEF_KEY_ = ? and NAME_ in (" + quoted(ReportedFacts.VARIABLES.get(key)) + ")", key);
        }
        // The items after their facts, so each is written once with its summary (V10), as the live writes leave
        // it; and the incident's latest ServiceNow number that fits the column, as the live handler leaves it.
        String fact = " from opsflow_report_fact f where f.process_instance_id = p.ID_ and f.name ";
        String incident = "case when p.PROC_DEF_KEY_ = '" + ReportedFacts.INCIDENT + "' then ";
        int items = jdbc.update("insert into opsflow_report_item (process_instance_id, customer_id, process_key, business_key, opened_at,"
                + " closed_at, end_activity, service_now_number, resolved_at, resolve_due_at, resolve_due_set_at, human_step_at)"
                + " select p.ID_, p.TENANT_ID_, p.PROC_DEF_KEY_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.END_ACT_ID_, "
                + incident + "(select d.TEXT_ from ACT_HI_DETAIL d where d.PROC_INST_ID_ = p.ID_ and d.TYPE_ = 'VariableUpdate' and d.NAME_ = '"
                + ReportedFacts.SERVICE_NOW_NUMBER + "' and char_length(d.TEXT_) <= " + ReportWrites.MAX_NUMBER
                + " order by d.TIME_ desc, d.SEQUENCE_COUNTER_ desc fetch first 1 rows only) end, "
                + incident + "(select min(f.occurred_at)" + fact + "in (" + quoted(IncidentFigures.RESOLVED) + ")) end, "
                + incident + "(select f.long_value" + fact + "= '" + IncidentFigures.RESOLVE_DUE_AT
                + "' order by f.occurred_at desc fetch first 1 rows only) end, "
                + incident + "(select max(f.occurred_at)" + fact + "= '" + IncidentFigures.RESOLVE_DUE_AT + "') end, "
                + "case when p.PROC_DEF_KEY_ = '" + ReportedFacts.REQUEST + "' then (select min(f.occurred_at)" + fact + "in ("
                + quoted(RequestFigures.HUMAN_STEPS) + ")) end"
                + " from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ in (" + quoted(List.copyOf(ReportedFacts.PROCESS_KEYS)) + ")");
        if (postgres()) {
            // Until autovacuum gets to them, PostgreSQL plans the first reports from the emptied tables' statistics.
            jdbc.execute("analyze opsflow_report_item");
            jdbc.execute("analyze opsflow_report_fact");
        }
        log.info("Reporting projection rebuilt from history: {} process instances", items);
        return items;
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")));
    }

    /** The ids are constants of {@link ReportedFacts} (BPMN ids and variable names), never input. */
    static String quoted(List<String> values) {
        return values.isEmpty() ? "''" : values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
