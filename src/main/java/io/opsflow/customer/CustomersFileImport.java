package io.opsflow.customer;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.opsflow.api.InvalidInputException;
import io.opsflow.deployment.StartupLock;
import io.opsflow.security.IdentityBootstrap;
import io.opsflow.validation.FieldProblem;

/**
 * Upserts the customers of {@code opsflow.customers-file} at start-up, all or none: a bad file
 * stops the start with the line and field at fault. Customers not in the file are left alone.
 */
@Component
class CustomersFileImport implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CustomersFileImport.class);

    private final CustomerRegistry registry;
    private final StartupLock startupLock;
    private final String customersFile;

    /** Takes {@link IdentityBootstrap} so that the groups customers name as members exist first. */
    CustomersFileImport(CustomerRegistry registry, StartupLock startupLock, IdentityBootstrap identity,
                        @Value("${opsflow.customers-file:}") String customersFile) {
        this.registry = registry;
        this.startupLock = startupLock;
        this.customersFile = customersFile;
    }

    @Override
    public void afterPropertiesSet() {
        if (!customersFile.isBlank()) {
            importFile(Path.of(customersFile));
        }
    }

    /** Imports in one transaction under the cluster start-up lock: a bad customer leaves nothing behind. */
    void importFile(Path path) {
        startupLock.runExclusively(() -> importCustomers(path));
    }

    private void importCustomers(Path path) {
        CustomersFile file = CustomersFile.read(path);
        List<Customer> customers = file.customers();
        int created = 0;
        for (int i = 0; i < customers.size(); i++) {
            try {
                created += registry.save(customers.get(i)) ? 1 : 0;
            } catch (InvalidInputException e) {
                FieldProblem first = e.problems().get(0);
                String field = "customers[" + i + "]." + first.field();
                String more = e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more: " + e.problems().subList(1, e.problems().size()) + ")" : "";
                throw new CustomersFileException(path + " line " + file.lineOf(field) + ": " + field + ": "
                        + first.message() + more, e);
            }
        }
        log.info("Imported {} customers from {} ({} new, {} updated)", customers.size(), path, created, customers.size() - created);
    }
}
