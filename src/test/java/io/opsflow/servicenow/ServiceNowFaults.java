package io.opsflow.servicenow;

/** ServiceNow's typed failures for tests outside this package (their constructors are the adapter's own). */
public final class ServiceNowFaults {

    private ServiceNowFaults() {
    }

    /** What the client throws when ServiceNow answers 503 through all its attempts. */
    public static ServiceNowUnavailableException unavailable(String request) {
        return new ServiceNowUnavailableException(request + " failed after 4 attempts, last: HTTP 503", 503, null, null, null);
    }

    /** What the client throws on a 403 with ServiceNow's error envelope. */
    public static ServiceNowForbiddenException forbidden(String request, String errorMessage, String errorDetail) {
        return new ServiceNowForbiddenException(request + ": HTTP 403 " + errorMessage + " (" + errorDetail + ")", 403,
                errorMessage, errorDetail);
    }

    public static ServiceNowBadRequestException badRequest(String request, String errorMessage) {
        return new ServiceNowBadRequestException(request + ": HTTP 400 " + errorMessage, 400, errorMessage, null);
    }

    public static ServiceNowNotFoundException notFound(String request) {
        return new ServiceNowNotFoundException(request + ": HTTP 404 No Record found", 404, "No Record found", null);
    }

    public static ServiceNowUnauthorizedException unauthorized(String request) {
        return new ServiceNowUnauthorizedException(request + ": HTTP 401 User Not Authenticated", 401,
                "User Not Authenticated", null);
    }
}
