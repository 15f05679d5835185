package io.opsflow.azure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * Runbook jobs in the customer's Automation account ({@code Microsoft.Automation}, api-version
 * 2024-10-23). Starting a job takes ARM's first answer: a job PUT is a long-running operation that
 * would otherwise block until the runbook ends, so the process polls {@link #get} instead.
 */
public class AutomationJobs {

    static final String API_VERSION = "2024-10-23";

    private final ArmClient arm;

    AutomationJobs(ArmClient arm) {
        this.arm = arm;
    }

    /**
     * Starts {@code runbook} as job {@code jobName} (see {@link JobNames}), or returns that job if it
     * exists already: as the Automation contract asks, the name is looked up first, and a PUT that
     * races another start (409) answers with the job that won.
     */
    public AutomationJob start(Customer customer, String jobName, String runbook, Map<String, String> parameters) {
        Optional<AutomationJob> existing = find(customer, jobName);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = body.putObject("properties");
        properties.putObject("runbook").put("name", runbook);
        ObjectNode params = properties.putObject("parameters");
        parameters.forEach(params::put);
        properties.put("runOn", "");
        try {
            return AutomationJob.from(arm.send(customer, ArmRequest.put(jobPath(customer, jobName), API_VERSION, body)).json());
        } catch (ArmConflictException alreadyThere) {
            return get(customer, jobName);
        }
    }

    public AutomationJob get(Customer customer, String jobName) {
        return AutomationJob.from(arm.send(customer, ArmRequest.get(jobPath(customer, jobName), API_VERSION)).json());
    }

    public Optional<AutomationJob> find(Customer customer, String jobName) {
        return arm.find(customer, ArmRequest.get(jobPath(customer, jobName), API_VERSION)).map(r -> AutomationJob.from(r.json()));
    }

    /** The job's Output stream as text. */
    public String output(Customer customer, String jobName) {
        return arm.send(customer, ArmRequest.get(jobPath(customer, jobName) + "/output", API_VERSION).accepting("text/plain"))
                .body();
    }

    /** The job's stream records (summaries only), all types when {@code type} is null. */
    public List<JobStream> streams(Customer customer, String jobName, JobStream.Type type) {
        ArmRequest request = ArmRequest.get(jobPath(customer, jobName) + "/streams", API_VERSION);
        if (type != null) {
            request = request.withQuery("$filter", "properties/streamType eq '" + type.value() + "'");
        }
        return arm.list(customer, request).stream().map(JobStream::from).toList();
    }

    /** One stream record with its full text. */
    public JobStream stream(Customer customer, String jobName, String jobStreamId) {
        return JobStream.from(arm.send(customer,
                ArmRequest.get(jobPath(customer, jobName) + "/streams/" + ArmPath.encode(jobStreamId), API_VERSION)).json());
    }

    /** The full text of the job's Error stream records, one per line (empty when there are none). */
    public String errors(Customer customer, String jobName) {
        return streams(customer, jobName, JobStream.Type.ERROR).stream()
                .map(s -> stream(customer, jobName, s.id()))
                .map(s -> s.text() != null ? s.text() : s.summary())
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
    }

    public void stop(Customer customer, String jobName) {
        arm.send(customer, ArmRequest.post(jobPath(customer, jobName) + "/stop", API_VERSION));
    }

    private static String jobPath(Customer customer, String jobName) {
        Customer.AutomationAccount account = customer.azure() == null ? null : customer.azure().automationAccount();
        if (account == null) {
            throw new IllegalStateException("Customer '" + customer.id() + "' has no azure.automationAccount");
        }
        return ArmPath.of("subscriptions", account.subscriptionId(), "resourceGroups", account.resourceGroup(),
                "providers", "Microsoft.Automation", "automationAccounts", account.name(), "jobs", jobName);
    }
}
