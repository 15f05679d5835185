package io.opsflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Answers.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.Test;

/** The registry reads a customer once for the webhook calls and incident starts of a few seconds. */
class CustomerRegistryReadsTest {

    final CustomerRepository repository = mock(CustomerRepository.class);
    final IdentityService identity = mock(IdentityService.class);
    final CustomerRegistry registry = new CustomerRegistry(repository, identity, mock(RuntimeService.class), mock(ApplicationEventPublisher.class));

    @Test
    void aCustomerIsReadOnceWithinItsFreshnessAndAnUnknownOneEachTime() {
        Customer acme = new Customer("acme", "ACME", "ja", null, null, null, null, Map.of(), null);
        when(repository.findById("acme")).thenReturn(Optional.of(acme));
        when(repository.findById("nobody")).thenReturn(Optional.empty());
        UserQuery users = mock(UserQuery.class, RETURNS_SELF);
        GroupQuery groups = mock(GroupQuery.class, RETURNS_SELF);
        when(identity.createUserQuery()).thenReturn(users);
        when(identity.createGroupQuery()).thenReturn(groups);
        when(users.list()).thenReturn(List.of());
        when(groups.list()).thenReturn(List.of());

        assertThat(registry.find("acme")).contains(acme);
        assertThat(registry.find("acme")).contains(acme);
        assertThat(registry.find("nobody")).isEmpty();
        assertThat(registry.find("nobody")).isEmpty();

        verify(repository, times(1)).findById("acme");
        verify(repository, times(2)).findById("nobody");
    }
}
