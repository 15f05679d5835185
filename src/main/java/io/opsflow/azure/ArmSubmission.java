package io.opsflow.azure;

/**
 * The answer to a create that ARM may finish asynchronously: the name the caller chose, the URL to
 * poll ({@code Azure-AsyncOperation}, else {@code Location}) when ARM answered 202, and the resource
 * when ARM answered with it at once (then {@code statusUrl} is null).
 */
public record ArmSubmission<T>(String name, String statusUrl, T resource) {

    public boolean isAccepted() {
        return resource == null;
    }
}
