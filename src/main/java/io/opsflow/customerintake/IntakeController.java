package io.opsflow.customerintake;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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

import io.opsflow.api.NotFoundException;

/**
 * {@code POST /api/intakes} (administrators, see the security configuration): the intake form's fields as
 * JSON, checked as the start form's are, then the customer-intake process; {@code GET /api/intakes/{id}} says
 * where the customer's latest intake stands.
 */
@RestController
@RequestMapping("/api/intakes")
class IntakeController {

    private final CustomerIntakes intakes;
    private final HistoryService history;

    IntakeController(CustomerIntakes intakes, HistoryService history) {
        this.intakes = intakes;
        this.history = history;
    }

    /** What the caller is told about an intake. */
    record IntakeStatus(String customerId, String processInstanceId, String state, List<String> waitingAt) {
    }

    @PostMapping
    ResponseEntity<IntakeStatus> start(@RequestBody Map<String, Object> body) {
        IntakeRequest request = IntakeRequest.of(body);
        String customer = request.text(IntakeVariables.CUSTOMER_ID);
        ProcessInstance instance = intakes.start(request, Map.of());
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
