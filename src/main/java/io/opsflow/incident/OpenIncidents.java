package io.opsflow.incident;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The running incident of each alert key; its row serialises concurrent alerts of one key. */
@Repository
class OpenIncidents {

    record Open(String processInstanceId, String businessKey) {
    }

    private final JdbcClient jdbc;

    OpenIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The key's running incident, locked until the transaction ends: alerts of one key arriving
     * together then correlate one after the other instead of colliding on the instance and
     * using up their retries.
     */
    Optional<Open> find(String key) {
        return jdbc.sql("select process_instance_id, business_key from opsflow_open_incident where incident_key = ? for update")
                .param(key).query((rs, n) -> new Open(rs.getString(1), rs.getString(2))).optional();
    }

    /** Claims the key for the instance; throws DuplicateKeyException if another transaction claimed it first. */
    void claim(String key, String processInstanceId, String businessKey) {
        jdbc.sql("insert into opsflow_open_incident (incident_key, process_instance_id, business_key) values (?, ?, ?)")
                .params(key, processInstanceId, businessKey).update();
    }

    void releaseKey(String key) {
        jdbc.sql("delete from opsflow_open_incident where incident_key = ?").param(key).update();
    }

    void release(String processInstanceId) {
        jdbc.sql("delete from opsflow_open_incident where process_instance_id = ?").param(processInstanceId).update();
    }
}
