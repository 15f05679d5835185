package io.opsflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.partnercenter.AgreementAcceptance;
import io.opsflow.partnercenter.AzureEntitlement;
import io.opsflow.partnercenter.AzurePlanOrder;
import io.opsflow.partnercenter.NewPartnerCustomer;
import io.opsflow.partnercenter.PartnerCenter;
import io.opsflow.partnercenter.PartnerCenterRejectedException;
import io.opsflow.partnercenter.PartnerCustomer;

/** On a fresh clone (sandbox mode) the production Partner Center adapter drives the simulator over HTTP. */
@OpsflowSpringTest
class SandboxPartnerCenterThroughAdapterTest {

    @Autowired
    PartnerCenter partnerCenter;

    @Test
    void aCustomerIsCreatedOnceGetsItsAzurePlanAndLaterItsAzureSubscription() throws InterruptedException {
        String prefix = "sandboxpc" + ThreadLocalRandom.current().nextInt(1_000_000);
        String domain = prefix + ".onmicrosoft.com";
        assertThat(partnerCenter.domainAvailable("contoso")).isFalse();
        assertThat(partnerCenter.domainAvailable(prefix)).isTrue();

        UUID createRequest = UUID.randomUUID();
        NewPartnerCustomer customer = new NewPartnerCustomer("株式会社サンドボックス", prefix, "it-admin@sandbox.example", "ja-JP", "ja",
                new NewPartnerCustomer.Address("花子", "佐藤", "丸の内1-1-1", "千代田区", "東京都", "100-0005", "JP", "0312345678"));
        PartnerCustomer created = partnerCenter.createCustomer(customer, createRequest);
        String tenantId = SimulatedPartnerCenterState.uuid("tenant/" + domain);
        assertThat(created).isEqualTo(new PartnerCustomer(tenantId, domain, "株式会社サンドボックス"));
        assertThat(partnerCenter.createCustomer(customer, createRequest)).as("same MS-RequestId: replayed").isEqualTo(created);
        assertThatThrownBy(() -> partnerCenter.createCustomer(customer, UUID.randomUUID()))
                .isInstanceOf(PartnerCenterRejectedException.class).hasMessageContaining("already in use");
        assertThat(partnerCenter.domainAvailable(prefix)).isFalse();
        assertThat(partnerCenter.customerByDomain(prefix)).contains(created);

        UUID orderRequest = UUID.randomUUID();
        assertThatThrownBy(() -> partnerCenter.orderAzurePlan(tenantId, "JP", orderRequest))
                .isInstanceOf(PartnerCenterRejectedException.class).hasMessageContaining("13605");
        partnerCenter.confirmCustomerAgreement(tenantId, new AgreementAcceptance("花子", "佐藤", "it-admin@sandbox.example",
                "0312345678", LocalDate.of(2026, 12, 2)), UUID.randomUUID());
        AzurePlanOrder order = partnerCenter.orderAzurePlan(tenantId, "JP", orderRequest);
        assertThat(order.status()).isEqualTo(AzurePlanOrder.Status.PENDING);
        assertThat(order.existing()).isFalse();
        assertThat(partnerCenter.azureSubscriptions(tenantId)).as("not before opsflow.sandbox.azure-plan-delay").isEmpty();

        List<AzureEntitlement> subscriptions = List.of();
        for (int i = 0; i < 50 && subscriptions.isEmpty(); i++) {
            Thread.sleep(200);
            subscriptions = partnerCenter.azureSubscriptions(tenantId);
        }
        assertThat(subscriptions).containsExactly(new AzureEntitlement(SimulatedPartnerCenterState.uuid("azure/" + tenantId),
                "Microsoft Azure", AzureEntitlement.Status.ACTIVE));
        assertThat(partnerCenter.orderAzurePlan(tenantId, "JP", UUID.randomUUID()))
                .isEqualTo(new AzurePlanOrder(order.orderId(), AzurePlanOrder.Status.COMPLETED, true));
    }
}
