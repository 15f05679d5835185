package io.opsflow.customer;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.api.ConflictException;
import io.opsflow.api.InvalidInputException;
import io.opsflow.api.NotFoundException;
import io.opsflow.validation.FieldProblem;

/** {@code /api/customers}: the customer registry for administrators (see SecurityConfiguration). */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerRegistry registry;

    CustomerController(CustomerRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    List<Customer> list() {
        return registry.findAll();
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable String id) {
        return registry.find(id).orElseThrow(() -> new NotFoundException("No customer '" + id + "'"));
    }

    @PostMapping
    ResponseEntity<Customer> create(@RequestBody Customer customer) {
        if (customer.id() != null && registry.find(customer.id()).isPresent()) {
            throw new ConflictException("Customer '" + customer.id() + "' exists; use PUT /api/customers/" + customer.id() + " to change it");
        }
        registry.save(customer);
        return ResponseEntity.created(URI.create("/api/customers/" + customer.id())).body(get(customer.id()));
    }

    @PutMapping("/{id}")
    ResponseEntity<Customer> put(@PathVariable String id, @RequestBody Customer customer) {
        if (customer.id() != null && !customer.id().equals(id)) {
            throw new InvalidInputException("Invalid customer",
                    List.of(new FieldProblem("id", "'" + customer.id() + "' differs from '" + id + "' in the path")));
        }
        Customer withId = new Customer(id, customer.displayName(), customer.locale(), customer.azure(), customer.servicenow(),
                customer.zabbix(), customer.slack(), customer.sla(), customer.members(), customer.support());
        boolean created = registry.save(withId);
        return created ? ResponseEntity.created(URI.create("/api/customers/" + id)).body(get(id)) : ResponseEntity.ok(get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        registry.delete(id);
        return ResponseEntity.noContent().build();
    }
}
