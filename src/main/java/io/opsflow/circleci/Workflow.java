package io.opsflow.circleci;

/** A workflow of a pipeline; {@code url} is its page in the CircleCI app. */
public record Workflow(String id, String name, Status status, String pipelineId, int pipelineNumber, String projectSlug,
        String url) {

    public enum Status {
        SUCCESS, RUNNING, NOT_RUN, FAILED, ERROR, FAILING, ON_HOLD, CANCELED, UNAUTHORIZED;

        /** Whether the workflow will not change any more by itself. */
        public boolean terminal() {
            return this != RUNNING && this != FAILING && this != ON_HOLD;
        }
    }
}
