package io.opsflow.customerintake;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.api.ConflictException;
import io.opsflow.api.NotFoundException;
import io.opsflow.customer.CustomerRegistry;

/**
 * {@code POST /api/intakes} (administrators, see the security configuration): the intake form's fields as
 * JSON, checked as the start form's are, then the customer-intake process; {@code GET /api/intakes/{id}} says
 * where the customer's latest intake stands.
 */
@RestController
@RequestMapping("/api/intakes")
class IntakeController {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final CustomerRegistry customers;

    IntakeController(RuntimeService runtime, HistoryService history, CustomerRegistry customers) {
        this.runtime = runtime;
        this.history = history;
        this.customers = customers;
    }

    /** What the caller is told about an intake. */
    record IntakeStatus(String customerId, String processInstanceId, String state, List<String> waitingAt) {
    }

    @PostMapping
    ResponseEntity<IntakeStatus> start(@RequestBody Map<String, Object> body) {
        IntakeRequest request = IntakeRequest.of(body);
        String customer = request.text(IntakeVariables.CUSTOMER_ID);
        if (customers.find(customer).isPresent()) {
            throw new ConflictException("'" + customer + "' is already a customer in the registry");
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(IntakeProcess.KEY).processInstanceBusinessKey(customer).count() > 0) {
            throw new ConflictException("An intake for '" + customer + "' is already running: GET /api/intakes/" + customer);
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(IntakeProcess.KEY).businessKey(customer)
                .setVariables(new LinkedHashMap<>(request.values())).execute();
        return ResponseEntity.created(URI.create("/api/intakes/" + customer)).body(status(customer, instance.getId()));
    }

    @GetMapping("/{customerId}")
    IntakeStatus get(@PathVariable String customerId) {
        HistoricProcessInstance latest = history.createHistoricProcessInstanceQuery().processDefinitionKey(IntakeProcess.KEY)
                .processInstanceBusinessKey(customerId).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No intake for '" + customerId + "'"));
        return status(customerId, latest.getId());
    }

    private IntakeStatus status(String customer, String instanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        List<String> waiting = history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).unfinished().list().stream()
                .map(HistoricActivityInstance::getActivityId).filter(id -> !id.contains("#")).distinct().sorted().toList();
        return new IntakeStatus(customer, instanceId, instance.getState(), waiting);
    }
}
