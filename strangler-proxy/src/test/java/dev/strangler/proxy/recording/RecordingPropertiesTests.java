package dev.strangler.proxy.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RecordingPropertiesTests {

    @Test
    void anEmptyRouteListAsTheEnvironmentGivesItIsOffAndTheDefaultsRedactCredentials() {
        // application.yml: routes: ${PROXY_RECORD_ROUTES:}, so an unset variable binds the empty string.
        RecordingProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("strangler.proxy.recording.routes", ""))).bindOrCreate("strangler.proxy.recording",
                RecordingProperties.class);

        assertThat(properties.routes()).isEmpty();
        assertThat(properties.maxExchanges()).isEqualTo(200);
        assertThat(properties.redactHeaders()).containsExactly("Authorization", "Proxy-Authorization", "Cookie",
                "Set-Cookie");
        assertThat(properties.maxBody().toKilobytes()).isEqualTo(64);
    }

    @Test
    void aCommaSeparatedListNamesSeveralRoutes() {
        RecordingProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("strangler.proxy.recording.routes", "members-read,orders-read"))).bindOrCreate(
                "strangler.proxy.recording", RecordingProperties.class);

        assertThat(properties.routes()).containsExactly("members-read", "orders-read");
    }
}
