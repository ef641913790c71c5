package dev.strangler.memberservice;

import dev.strangler.service.outbox.OutboxConfiguration;
import dev.strangler.service.web.RequestIdLogging;
import dev.strangler.service.ownership.OwnershipConfiguration;
import dev.strangler.web.problem.ProblemResponseHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
// Shared with the other service: the monolith's problem responses (web-problems), who owns writes with its admin
// API, and the outbox the bridge relays (service-support).
@Import({ProblemResponseHandler.class, OwnershipConfiguration.class, OutboxConfiguration.class,
        RequestIdLogging.class})
public class MemberServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberServiceApplication.class, args);
    }
}
