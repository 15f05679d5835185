package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.messages.Messages;

/**
 * One job of the existing {@code Add-OperatorAccount} runbook per named operator: its parameters
 * as the runbook-job call activity takes them (a JSON object of strings). The runbook is fixed in
 * the model; the package gives only the checked user principal names and the group's object id.
 */
@Component
class PrepareOperatorAccountsDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        PackageSettings settings = PackageSettings.read(execution.getVariables(), Messages.standalone(Locale.ENGLISH));
        ArrayList<String> jobs = new ArrayList<>();
        for (String upn : settings.operators()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("UserPrincipalName", upn);
            parameters.put("GroupObjectId", settings.operatorGroup());
            jobs.add(JSON.writeValueAsString(parameters));
        }
        execution.setVariable(OPERATOR_ACCOUNT_JOBS, jobs);
        execution.setVariable(NAMED_OPERATORS, new ArrayList<>(settings.operators()));
    }
}
