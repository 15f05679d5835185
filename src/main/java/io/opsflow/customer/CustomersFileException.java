package io.opsflow.customer;

/** The customers file cannot be imported; the message names the file, line and field. */
public class CustomersFileException extends RuntimeException {

    public CustomersFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
