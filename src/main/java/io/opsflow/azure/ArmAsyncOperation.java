package io.opsflow.azure;

/** State of an asynchronous ARM operation (the {@code Azure-AsyncOperation} status body). */
public record ArmAsyncOperation(Status status, String errorCode, String errorMessage) {

    public enum Status {
        IN_PROGRESS, SUCCEEDED, FAILED, CANCELED;

        /** ARM's spelling; anything not terminal (InProgress, Running, Accepted, ...) is in progress. */
        static Status of(String value) {
            return switch (value.toLowerCase()) {
                case "succeeded" -> SUCCEEDED;
                case "failed" -> FAILED;
                case "canceled", "cancelled" -> CANCELED;
                default -> IN_PROGRESS;
            };
        }
    }

    public boolean isDone() {
        return status != Status.IN_PROGRESS;
    }
}
