package dev.strangler.proxy.route;

import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Turns the route table into ordinary gateway routes: the gateway's own {@code Path}, {@code Method} and
 * {@code Header} predicates, the monolith as the route's URI, and the {@code Migration} filter that picks the side per request.
 * The table order becomes the route order, so the first matching row serves.
 */
@Component
class RouteTableDefinitionLocator implements RouteDefinitionLocator {

    private final List<RouteDefinition> definitions;

    RouteTableDefinitionLocator(RouteTable table) {
        List<RouteDefinition> list = new ArrayList<>();
        List<RouteProperties> routes = table.all();
        for (int i = 0; i < routes.size(); i++) {
            list.add(definition(routes.get(i), i));
        }
        this.definitions = List.copyOf(list);
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(definitions);
    }

    /** The gateway's {@code Header} predicate; built by hand, since a comma in the expression would split it. */
    private static PredicateDefinition header(String name, String pattern) {
        PredicateDefinition predicate = new PredicateDefinition();
        predicate.setName("Header");
        predicate.addArg("header", name);
        if (!pattern.isEmpty()) {
            predicate.addArg("regexp", pattern);
        }
        return predicate;
    }

    private static RouteDefinition definition(RouteProperties route, int order) {
        RouteDefinition definition = new RouteDefinition();
        definition.setId(route.name());
        definition.setUri(route.legacyUri().uri());
        definition.setOrder(order);
        List<PredicateDefinition> predicates = new ArrayList<>();
        predicates.add(new PredicateDefinition("Path=" + String.join(",", route.paths())));
        if (!route.methods().isEmpty()) {
            predicates.add(new PredicateDefinition("Method=" + String.join(",", route.methods())));
        }
        route.headers().forEach((header, pattern) -> predicates.add(header(header, pattern)));
        definition.setPredicates(predicates);
        definition.setFilters(List.of(new FilterDefinition("Migration=" + route.name())));
        return definition;
    }
}
