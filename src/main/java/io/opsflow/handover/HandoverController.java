package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.opsflow.api.InvalidInputException;
import io.opsflow.api.NotFoundException;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;

/**
 * {@code POST /api/handovers} (administrators and the design team, see the security configuration):
 * the start form's fields as JSON, or as a multipart form with the monitoring items list as the file
 * {@value #FILE} (Excel's CSV in Windows-31J or UTF-8, or YAML: its name's extension gives the format
 * unless {@code monitoringItemsFormat} is sent); {@code GET /api/handovers/{customerId}} says where the
 * customer's latest handover stands and which problems its list has.
 */
@RestController
@RequestMapping("/api/handovers")
class HandoverController {

    static final String FILE = "monitoringItemsFile";

    private final DesignHandovers handovers;
    private final RuntimeService runtime;
    private final HistoryService history;

    HandoverController(DesignHandovers handovers, RuntimeService runtime, HistoryService history) {
        this.handovers = handovers;
        this.runtime = runtime;
        this.history = history;
    }

    /** What the caller is told about a handover; {@code packageProblems} as of the latest check. */
    record HandoverStatus(String customerId, String processInstanceId, String state, List<String> waitingAt, List<String> packageProblems) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HandoverStatus> start(@RequestBody Map<String, Object> body, Authentication caller) {
        return started(HandoverRequest.of(body), caller);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<HandoverStatus> upload(@RequestParam Map<String, String> fields, @RequestPart(FILE) MultipartFile file,
                                          Authentication caller) {
        Map<String, Object> body = new HashMap<>(fields);
        body.remove(FILE);
        try {
            body.put(MONITORING_ITEMS, MonitoringItemsList.decode(file.getBytes()));
        } catch (IOException unreadable) {
            throw new InvalidInputException(Messages.caller().text("handover.invalid"),
                    List.of(new FieldProblem(FILE, Messages.caller().text("handover.request.badFile", unreadable.getMessage()))));
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        body.putIfAbsent(MONITORING_ITEMS_FORMAT, name.endsWith(".yaml") || name.endsWith(".yml") ? "yaml" : "csv");
        return started(HandoverRequest.of(body), caller);
    }

    @GetMapping("/{customerId}")
    HandoverStatus get(@PathVariable String customerId, Authentication caller) {
        HistoricProcessInstance latest = handovers.latest(customerId, caller)
                .orElseThrow(() -> new NotFoundException("No design handover for '" + customerId + "'"));
        return status(customerId, latest.getId());
    }

    private ResponseEntity<HandoverStatus> started(HandoverRequest request, Authentication caller) {
        ProcessInstance instance = handovers.start(request, caller);
        return ResponseEntity.created(URI.create("/api/handovers/" + request.customerId())).body(status(request.customerId(), instance.getId()));
    }

    private HandoverStatus status(String customer, String instanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        ActivityInstance tree = runtime.getActivityInstance(instanceId);
        List<String> waiting = tree == null ? List.of() : waitingAt(tree).distinct().sorted().toList();
        HistoricVariableInstance problems = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(PACKAGE_PROBLEMS).singleResult();
        List<String> lines = problems != null && problems.getValue() instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new HandoverStatus(customer, instanceId, instance.getState(), waiting, lines);
    }

    /** From the runtime, not the history: a step behind {@code asyncBefore} whose job has not run yet has no history. */
    private static Stream<String> waitingAt(ActivityInstance instance) {
        return Stream.concat(Arrays.stream(instance.getChildTransitionInstances()).map(TransitionInstance::getActivityId),
                Arrays.stream(instance.getChildActivityInstances()).flatMap(child -> child.getChildActivityInstances().length == 0
                        && child.getChildTransitionInstances().length == 0 ? Stream.of(child.getActivityId()) : waitingAt(child)));
    }
}
