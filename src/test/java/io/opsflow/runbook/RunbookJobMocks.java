package io.opsflow.runbook;

import org.camunda.bpm.engine.test.mock.Mocks;

import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.CustomerRegistry;

/** Registers runbook-job's real delegates for the process tests of its callers. */
public final class RunbookJobMocks {

    private RunbookJobMocks() {
    }

    public static void register(CustomerRegistry customers, AutomationJobs jobs) {
        RunbookJobs runbookJobs = new RunbookJobs(customers, jobs);
        Mocks.register("startRunbookJobDelegate", new StartRunbookJobDelegate(runbookJobs));
        Mocks.register("checkRunbookJobDelegate", new CheckRunbookJobDelegate(runbookJobs));
        Mocks.register("stopRunbookJobDelegate", new StopRunbookJobDelegate(runbookJobs));
    }
}
