package dev.strangler.proxy.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.SideTarget;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class RouteEntitiesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheEntitiesARequestAndAWritesAnswerName() {
        RouteEntities entities = new RouteEntities(new RouteProperties.Consistency(List.of(
                "member=path:/api/members/{id}/**", "member=json:memberId", "order=location:/api/orders/{id}",
                "member=response-json:memberId"), List.of("member")));

        MockServerWebExchange order = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders")
                .header("Content-Type", "application/json").body("{\"memberId\":42}"));
        MockServerWebExchange list = MockServerWebExchange.from(MockServerHttpRequest.get("/api/members?q=kim"));
        MockServerWebExchange one = MockServerWebExchange.from(MockServerHttpRequest.get("/api/members/7/orders"));
        HttpHeaders created = new HttpHeaders();
        created.setLocation(URI.create("/api/orders/900"));

        assertThat(entities.inRequest(one, () -> null)).containsExactly("member:7");
        assertThat(entities.inRequest(list, () -> null)).isEmpty();
        assertThat(entities.unkeyedBesides(Set.of())).containsExactly("member");
        assertThat(entities.unkeyedBesides(Set.of("member:7"))).isEmpty();
        assertThat(entities.inRequest(order, () -> JSON.readTree("{\"memberId\":42}"))).containsExactly("member:42");
        assertThat(entities.inResponse(created, JSON.readTree("{\"id\":900,\"memberId\":42}")))
                .containsExactlyInAnyOrder("order:900", "member:42");
        assertThat(entities.readsResponseBody()).isTrue();
    }

    @Test
    void aWriteIsPendingForTheKeysItNamedAndForItsEntityAsAWholeUntilConfirmed() {
        PendingWrites pending = new PendingWrites();
        SideTarget legacy = SideTarget.of("http://legacy");
        pending.record(Set.of("member:7"), legacy, 100);

        assertThat(pending.unconfirmed(Set.of("member:7"), List.of(), 50)).extracting(PendingWrites.Write::backend)
                .containsExactly(legacy);
        assertThat(pending.unconfirmed(Set.of("member:8"), List.of(), 50)).isEmpty();
        assertThat(pending.unconfirmed(Set.of(), List.of("member"), 50)).hasSize(1);
        assertThat(pending.unconfirmed(Set.of("member:7"), List.of("member"), 100)).isEmpty();

        pending.forgetThrough(100);
        assertThat(pending.isEmpty()).isTrue();
    }
}
