package dev.strangler.service.changefeed.declared;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

/**
 * One batch listener per declared table, registered as {@code @KafkaListener}s are: in the listener registry, so
 * the change-feed health, the error handler (dead letters, back-off) and the container meters see them like the
 * ones a service writes itself. Each table has its own consumer group, {@code <group-id>.<table>}.
 */
final class DeclaredTableListeners implements KafkaListenerConfigurer {

    private final List<DeclaredTable> tables;
    /** Looked up when the listeners are registered, after the change-feed wiring's beans exist. */
    private final ObjectProvider<ChangeBatchApplier> batches;
    private final String groupPrefix;

    DeclaredTableListeners(List<DeclaredTable> tables, ObjectProvider<ChangeBatchApplier> batches,
                           String groupPrefix) {
        this.tables = tables;
        this.batches = batches;
        this.groupPrefix = groupPrefix;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory handlers = new DefaultMessageHandlerMethodFactory();
        handlers.afterPropertiesSet();
        for (DeclaredTable table : tables) {
            String name = table.name().toLowerCase(Locale.ROOT);
            MethodKafkaListenerEndpoint<String, String> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId("declared-" + name);
            endpoint.setGroupId(groupPrefix + "." + name);
            endpoint.setTopics(table.topic());
            endpoint.setBatchListener(true);
            endpoint.setBean(new TableListener(table, batches.getObject()));
            endpoint.setMethod(TableListener.ON);
            endpoint.setMessageHandlerMethodFactory(handlers);
            registrar.registerEndpoint(endpoint);
        }
    }

    /** What a service's own {@code @KafkaListener} method would be for one table. */
    static final class TableListener {

        static final Method ON;

        static {
            try {
                ON = TableListener.class.getDeclaredMethod("on", List.class, Consumer.class);
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final DeclaredTable table;
        private final ChangeBatchApplier batches;

        TableListener(DeclaredTable table, ChangeBatchApplier batches) {
            this.table = table;
            this.batches = batches;
        }

        public void on(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
            batches.apply(records, consumer, table);
        }
    }
}
