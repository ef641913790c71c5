package dev.strangler.proxy.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The three ways to write a route side, and the start-up errors for the ways that are wrong. */
class SideTargetTests {

    @Test
    void oneUrlIsTheFastPathAndReadsBackAsWritten() {
        SideTarget target = SideTarget.of("http://127.0.0.1:8081");

        assertThat(target.pooled()).isFalse();
        assertThat(target.uri()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(target).hasToString("http://127.0.0.1:8081");
    }

    @Test
    void aCommaSeparatedListIsAPoolOfInstancesInTheOrderWritten() {
        SideTarget target = SideTarget.of("http://10.0.0.5:8082, http://10.0.0.6:8082");

        assertThat(target.pooled()).isTrue();
        assertThat(target.instances()).containsExactly(URI.create("http://10.0.0.5:8082"),
                URI.create("http://10.0.0.6:8082"));
        assertThat(target).hasToString("http://10.0.0.5:8082,http://10.0.0.6:8082");
        assertThat(target).isEqualTo(SideTarget.of("http://10.0.0.5:8082,http://10.0.0.6:8082"));
    }

    @Test
    void lbNamesADiscoveredService() {
        SideTarget target = SideTarget.of("lb://member-service");

        assertThat(target.pooled()).isTrue();
        assertThat(target.serviceId()).isEqualTo("member-service");
        assertThat(target.instances()).isEmpty();
        assertThat(target.uri()).isEqualTo(URI.create("lb://member-service"));
        assertThat(target).hasToString("lb://member-service");
    }

    @Test
    void blankIsNoSide() {
        assertThat(SideTarget.of(" ")).isNull();
    }

    @Test
    void wrongWaysToWriteASideAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SideTarget.of("http://a:1,lb://member-service"))
                .hasMessageContaining("'lb://member-service' cannot be part of a list");
        assertThatThrownBy(() -> SideTarget.of("http://a:1,http://a:1"))
                .hasMessageContaining("the instance http://a:1 is listed twice");
        assertThatThrownBy(() -> SideTarget.of("lb://member_service"))
                .hasMessageContaining("'lb://member_service' needs a scheme and a host name");
        assertThatThrownBy(() -> SideTarget.of("localhost:8081, http://b:2"))
                .hasMessageContaining("'localhost:8081' needs a scheme and a host name");
        assertThatThrownBy(() -> SideTarget.of("127.0.0.1:8081"))
                .hasMessageContaining("'127.0.0.1:8081' is not a URL");
    }

    @Test
    void aBadSideFailsBindingWithThePropertysName() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "strangler.proxy.routes[0].name", "members",
                "strangler.proxy.routes[0].paths[0]", "/api/members/**",
                "strangler.proxy.routes[0].legacy-uri", "http://127.0.0.1:8081",
                "strangler.proxy.routes[0].extracted-uri", "http://10.0.0.5:8082,lb://member-service")));

        assertThatThrownBy(() -> binder.bind("strangler.proxy", ProxyProperties.class))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("strangler.proxy.routes[0].extracted-uri")
                .rootCause().hasMessageContaining("cannot be part of a list");
    }

    @Test
    void theRouteTableBindsEveryWay() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "strangler.proxy.routes[0].name", "members",
                "strangler.proxy.routes[0].paths[0]", "/api/members/**",
                "strangler.proxy.routes[0].legacy-uri", "http://10.0.0.1:8081,http://10.0.0.2:8081",
                "strangler.proxy.routes[0].extracted-uri", "lb://member-service")));

        RouteProperties route = binder.bind("strangler.proxy", ProxyProperties.class).get().routes().get(0);

        assertThat(route.legacyUri().instances()).hasSize(2);
        assertThat(route.extractedUri().serviceId()).isEqualTo("member-service");
        assertThat(List.of(route.legacyUri().pooled(), route.extractable())).containsOnly(true);
    }
}
