package dev.strangler.cdc.operations;

import dev.strangler.web.problem.ConflictException;
import java.net.URI;

/** Pause and resume hold the embedded engine; a connector on Kafka Connect is paused there. */
class ForwardOnKafkaConnectException extends ConflictException {

    ForwardOnKafkaConnectException(String operation, String connector) {
        super(URI.create("https://strangler.dev/problems/forward-on-kafka-connect"),
                "The forward path runs on Kafka Connect",
                "The forward path runs on Kafka Connect (kit.cdc.forward.engine=KAFKA_CONNECT): " + operation
                        + " its connector there, PUT /connectors/" + connector + "/" + operation
                        + " on a Connect worker's REST API");
        property("connector", connector);
    }
}
