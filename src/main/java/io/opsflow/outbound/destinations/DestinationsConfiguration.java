package io.opsflow.outbound.destinations;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.JdbcDestinationStore;

@Configuration(proxyBeanMethods = false)
class DestinationsConfiguration {

    /** In the database Camunda's cluster shares: what one node learns of a destination, all nodes honour. */
    @Bean
    DestinationStore destinationStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcDestinationStore(dataSource, transactionManager);
    }
}
