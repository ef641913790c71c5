package dev.strangler.orderservice;

import dev.strangler.service.ownership.OwnershipConfiguration;
import dev.strangler.web.problem.ProblemResponseHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
// The monolith's problem responses, and who owns writes with its admin API: both shared (web-problems,
// service-support).
@Import({ProblemResponseHandler.class, OwnershipConfiguration.class})
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
