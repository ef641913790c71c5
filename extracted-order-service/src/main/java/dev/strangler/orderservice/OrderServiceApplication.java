package dev.strangler.orderservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The order service. What it shares with any extracted service (ownership of writes and its admin API, the outbox,
 * the change-feed consumer wiring, problem responses, the request id in the logs, the kit's tables) comes from the
 * service-support starter's auto-configuration.
 */
@SpringBootApplication
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
