package io.opsflow.retry;

import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed job does next: a {@link PermanentFault} takes its retries to 0 at once (an
 * incident with the exception's message), anything else goes to the engine's own command, which
 * follows the step's {@code failedJobRetryTimeCycle}.
 *
 * <p>Either way, a job left without retries is due at once. The engine's command sets the due date
 * to "now + next interval" even on the last failure, so a retry from Cockpit after the schedule ran
 * out would otherwise wait up to 30 more minutes with no incident showing.
 */
final class FailAtOnceCommandFactory implements FailedJobCommandFactory {

    private static final Logger log = LoggerFactory.getLogger(FailAtOnceCommandFactory.class);

    private final FailedJobCommandFactory retryCycle;

    FailAtOnceCommandFactory(FailedJobCommandFactory retryCycle) {
        this.retryCycle = retryCycle;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        if (PermanentFault.isPermanent(exception)) {
            return new FailAtOnceCmd(jobId, exception);
        }
        Command<Object> retry = retryCycle.getCommand(jobId, exception);
        return commandContext -> {
            Object result = retry.execute(commandContext);
            dueNowWhenOutOfRetries(commandContext.getJobManager().findJobById(jobId));
            return result;
        };
    }

    private static void dueNowWhenOutOfRetries(JobEntity job) {
        if (job != null && job.getRetries() == 0) {
            job.setDuedate(ClockUtil.getCurrentTime());
        }
    }

    /** The engine's standard failure handling with 0 instead of "retries - 1". */
    static final class FailAtOnceCmd extends JobRetryCmd {

        FailAtOnceCmd(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null) {
                return null;
            }
            log.warn("Job {} at {} of process instance {} failed with a fault a retry cannot fix; incident at once: {}",
                    job.getId(), job.getActivityId(), job.getProcessInstanceId(), exception.getMessage());
            job.unlock();
            // The message first: the incident created by setRetries(0) takes it as its reason.
            logException(job);
            job.setRetries(0);
            dueNowWhenOutOfRetries(job);
            return null;
        }
    }
}
