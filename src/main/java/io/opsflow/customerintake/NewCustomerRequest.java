package io.opsflow.customerintake;

import java.util.Map;

/**
 * A ServiceNow requested item of the "new customer" catalog item: its catalog variables are named as the
 * intake form's fields ({@link IntakeVariables#REQUEST}).
 */
public record NewCustomerRequest(String deliveryId, String sysId, String number, Map<String, String> variables) {

    public NewCustomerRequest {
        variables = Map.copyOf(variables);
    }
}
