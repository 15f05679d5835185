package io.opsflow.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the BPMN, DMN and form files come from. The build copies the top-level {@code processes/}
 * folder into the jar; {@code file:./processes/} deploys a working copy edited in Camunda Modeler.
 */
@ConfigurationProperties("opsflow.processes")
public record ProcessesProperties(@DefaultValue("classpath*:processes/") String location) {
}
