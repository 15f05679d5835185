package io.opsflow.customer;

/**
 * Published when a customer's registry entry has been saved: whoever keeps state derived from the
 * entry (a destination found gone) can tell whether the part it depends on changed.
 *
 * @param previous the entry before the save, null for a new customer
 */
public record CustomerSaved(Customer previous, Customer customer) {
}
