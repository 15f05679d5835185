package io.opsflow.customerintake;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** customer-intake on a bare engine as the intake form, Tasklist and the job executor would move it. */
final class IntakeDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    IntakeDriver(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
    }

    ProcessInstance start(Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey("customer-intake", (String) variables.get("newCustomerId"), variables);
    }

    /** Completes the instance's one open task. */
    void complete(ProcessInstance instance, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        tasks.complete(task.getId(), variables);
    }

    /** Completes every open task of the instance (the checklist's items) with the same variables. */
    void completeAll(ProcessInstance instance, Map<String, Object> variables) {
        tasks.createTaskQuery().processInstanceId(instance.getId()).list().forEach(task -> tasks.complete(task.getId(), variables));
    }

    /** Runs the instance's jobs, timers included and failed ones retried, until it waits for a person or ends. */
    void drive(ProcessInstance instance) {
        for (int step = 0; step < 100; step++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // A failed attempt: its retry runs in the next round, as the job executor would run it.
                }
            }
        }
        throw new AssertionError("The intake did not settle");
    }
}
