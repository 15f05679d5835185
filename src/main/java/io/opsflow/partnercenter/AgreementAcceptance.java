package io.opsflow.partnercenter;

import java.time.LocalDate;

/** Who at the customer accepted the Microsoft Customer Agreement, and when. */
public record AgreementAcceptance(String firstName, String lastName, String email, String phoneNumber, LocalDate acceptedOn) {
}
