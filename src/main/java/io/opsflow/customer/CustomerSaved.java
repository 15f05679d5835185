package io.opsflow.customer;

/**
 * Published when a customer's registry entry has been saved: whoever keeps state derived from the
 * entry (a destination found gone) learns that it may have been repaired.
 */
public record CustomerSaved(Customer customer) {
}
