/**
 * Customer intake and Azure opening (開通業務), the process {@code customer-intake}
 * ({@code processes/intake/}): a new customer's tenant and Azure plan through Partner Center (or the
 * tenant it brings), delegated access through Azure Lighthouse, its operations repository from the
 * MSP's template ({@code processes/intake/template/}), the CircleCI pipeline that deploys the common
 * resources, their verification through ARM, the customer-specific checklist, and the registry entry.
 * Started from Tasklist (administrators, design team) or {@code POST /api/intakes} (administrators).
 * Not to be confused with {@link io.opsflow.intake}, the inbound delivery skeleton every webhook shares.
 */
package io.opsflow.customerintake;
