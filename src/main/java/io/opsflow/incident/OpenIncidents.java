package io.opsflow.incident;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The running incident of each alert key; the primary key serialises concurrent alerts of one key. */
@Repository
class OpenIncidents {

    record Open(String processInstanceId, String businessKey) {
    }

    private final JdbcClient jdbc;

    OpenIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Open> find(String key) {
        return jdbc.sql("select process_instance_id, business_key from opsflow_open_incident where incident_key = ?")
                .param(key).query((rs, n) -> new Open(rs.getString(1), rs.getString(2))).optional();
    }

    /** Claims the key; throws DuplicateKeyException if another transaction claimed it first. */
    void claim(String key, String businessKey) {
        jdbc.sql("insert into opsflow_open_incident (incident_key, business_key) values (?, ?)").params(key, businessKey).update();
    }

    void assign(String key, String processInstanceId) {
        jdbc.sql("update opsflow_open_incident set process_instance_id = ? where incident_key = ?").params(processInstanceId, key).update();
    }

    void releaseKey(String key) {
        jdbc.sql("delete from opsflow_open_incident where incident_key = ?").param(key).update();
    }

    void release(String processInstanceId) {
        jdbc.sql("delete from opsflow_open_incident where process_instance_id = ?").param(processInstanceId).update();
    }
}
