package io.opsflow.outbound.destinations;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.CustomerSaved;
import io.opsflow.outbound.Destination;
import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;

/**
 * Asks the operators to repair a gone destination: one {@value #PROCESS_KEY} instance per destination,
 * for the customer's tenant, with business key {@code destination:<customer>:<system> <name>}. A
 * change of the customer's Slack setting in the registry is the repair: it clears the customer's gone
 * marks and closes their tasks (message {@value #REGISTRY_ENTRY_CHANGED}); if the destination is
 * still gone, the next call finds it so again and asks again. A save that leaves the setting as it
 * was (the customers file imported again at start-up) changes nothing.
 *
 * <p>Both run on a thread of their own: a destination is found gone inside a job that is about to
 * fail and roll back, and the registry is saved in a transaction that has just committed; the
 * task must be started (or closed) in a transaction of its own, by an engine command of its own.
 */
@Component
class DestinationGoneProcess implements DestinationGoneListener {

    static final String PROCESS_KEY = "destination-gone";
    static final String REGISTRY_ENTRY_CHANGED = "RegistryEntryChanged";
    static final String CUSTOMER_ID = "customerId";
    static final String CUSTOMER_NAME = "customerName";
    static final String DESTINATION_SYSTEM = "destinationSystem";
    static final String DESTINATION_NAME = "destinationName";
    static final String GONE_REASON = "goneReason";

    private static final Logger log = LoggerFactory.getLogger(DestinationGoneProcess.class);
    private static final Executor OWN_THREAD = work -> new Thread(work, "destination-gone").start();

    private final RuntimeService runtimeService;
    private final CustomerRegistry registry;
    private final DestinationStore store;
    private final Executor ownThread;

    @Autowired
    DestinationGoneProcess(RuntimeService runtimeService, CustomerRegistry registry, DestinationStore store) {
        this(runtimeService, registry, store, OWN_THREAD);
    }

    /** {@code ownThread}: engine tests run the work on their own thread, where their mocked beans are. */
    DestinationGoneProcess(RuntimeService runtimeService, CustomerRegistry registry, DestinationStore store, Executor ownThread) {
        this.runtimeService = runtimeService;
        this.registry = registry;
        this.store = store;
        this.ownThread = ownThread;
    }

    static String businessKey(Destination destination) {
        return "destination:" + destination.owner() + ":" + destination.system() + " " + destination.name();
    }

    @Override
    public void destinationGone(Destination destination, String reason) {
        if (destination.owner() == null) {
            // No customer to file it under: the incident of the refused call names it.
            log.warn("{} is gone ({}): no customer owns it, so no repair task is started", destination, reason);
            return;
        }
        CompletableFuture.runAsync(() -> start(destination, reason), ownThread).join();
    }

    private void start(Destination destination, String reason) {
        String businessKey = businessKey(destination);
        // The gone mark is set once across nodes; this guards a mark cleared and set again while a task is open.
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).count() > 0) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CUSTOMER_ID, destination.owner());
        variables.put(CUSTOMER_NAME, registry.find(destination.owner()).map(Customer::displayName)
                .orElse(destination.owner()));
        variables.put(DESTINATION_SYSTEM, destination.system());
        variables.put(DESTINATION_NAME, destination.name());
        variables.put(GONE_REASON, reason);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
        log.info("{} is gone: repair task started ({}, process instance {})", destination, businessKey, instance.getId());
    }

    /** The customer's entry was saved: if its Slack setting changed, its destinations may work again. */
    @TransactionalEventListener(fallbackExecution = true)
    void registryEntrySaved(CustomerSaved saved) {
        // Slack webhooks are the only destinations a customer owns today; their setting is the entry that matters.
        if (saved.previous() == null || Objects.equals(saved.previous().slack(), saved.customer().slack())) {
            return;
        }
        String customerId = saved.customer().id();
        try {
            CompletableFuture.runAsync(() -> closeTasks(customerId), ownThread).join();
        } catch (RuntimeException e) {
            // The entry is saved; the marks and tasks stay until the next save or the operator's completion.
            log.error("Customer {} saved, but its gone destinations could not be cleared", customerId, e);
        }
    }

    private void closeTasks(String customerId) {
        store.clearGone(customerId).forEach(name -> log.info("Destination {} of customer {} may work again: "
                + "its registry entry was saved", name, customerId));
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).tenantIdIn(customerId).list()
                .forEach(instance -> runtimeService.createMessageCorrelation(REGISTRY_ENTRY_CHANGED)
                        .processInstanceId(instance.getId()).correlateAll());
    }
}
