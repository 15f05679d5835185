package io.opsflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V5 on a database that already holds customers: they keep loading, without a support section, and
 * a support section saved afterwards survives the round trip through the new columns.
 */
class SupportMigrationTest {

    @Test
    void customersRegisteredBeforeV5LoadWithoutASupportSectionAndGainOneOnSave() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:support-migration;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                insert into opsflow_customer (id, display_name, locale, servicenow_company_sys_id, created_at, updated_at)
                values ('old-acme', '旧エーシーエム株式会社', 'ja', '31bea3d53790200044e0bfc8bcbe5dec', current_timestamp, current_timestamp)""")
                .update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        CustomerRepository repository = new CustomerRepository(jdbc);

        Customer old = repository.findById("old-acme").orElseThrow();
        assertThat(old.displayName()).isEqualTo("旧エーシーエム株式会社");
        assertThat(old.support()).isNull();
        assertThat(old.supportOrDefault().plan()).isEqualTo(Customer.SupportPlan.BASIC);
        assertThat(old.supportOrDefault().relay()).isEqualTo(Customer.SupportRelay.WORK_NOTE);
        assertThat(old.supportOrDefault().contact()).isNull();

        Customer.Support support = new Customer.Support(Customer.SupportPlan.PROFESSIONAL_DIRECT,
                new Customer.Contact("太郎", "山田", "taro@acme.example.co.jp", List.of("ops@acme.example.co.jp", "it@acme.example.co.jp"),
                        "+81 3-1234-5678", Customer.ContactMethod.PHONE, null, null, null),
                Customer.SupportRelay.COMMENT, "72f988bf-86f1-41af-91ab-2d7cd011db47");
        assertThat(repository.upsert(new Customer(old.id(), old.displayName(), old.locale(), null, old.servicenow(), null, null,
                old.sla(), null, support))).as("an update, not a new customer").isFalse();

        Customer saved = repository.findById("old-acme").orElseThrow();
        assertThat(saved.support()).isEqualTo(support);
        assertThat(saved.support().contact().lastName()).isEqualTo("山田");
        assertThat(saved.support().contact().timeZone()).isEqualTo("Tokyo Standard Time");

        repository.upsert(new Customer(old.id(), old.displayName(), old.locale(), null, old.servicenow(), null, null, old.sla(), null, null));
        assertThat(repository.findById("old-acme").orElseThrow().support()).as("a removed section is gone").isNull();
    }
}
