package io.opsflow.circleci;

/**
 * A job of a workflow. An approval job has {@code approvalRequestId} and no number; {@code url} is the
 * job's page (built jobs only).
 */
public record Job(String id, String name, Type type, String status, Integer jobNumber, String approvalRequestId, String url) {

    public enum Type { BUILD, APPROVAL }
}
