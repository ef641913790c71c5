package dev.strangler.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RedactionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Redaction redaction = new Redaction(List.of("Authorization", "Set-Cookie"),
            List.of("$.password", "$..token", "$.cards[*].number"));

    @Test
    void redactedHeadersAreMatchedIgnoringCaseAndKeepTheirNumberOfValues() {
        Map<String, List<String>> redacted = redaction.headers(Map.of("authorization", List.of("Bearer abc"),
                "Set-Cookie", List.of("a=1", "b=2"), "Accept", List.of("application/json")));

        assertThat(redacted).containsEntry("authorization", List.of("[redacted]"))
                .containsEntry("Set-Cookie", List.of("[redacted]", "[redacted]"))
                .containsEntry("Accept", List.of("application/json"));
    }

    @Test
    void redactedFieldsAreReplacedAtTheirPathAnyDepthAndInEveryElementTheRestIsLeftAlone() {
        String body = """
                {"name":"Ada","password":{"old":"x"},"session":{"token":"t1","deep":{"token":"t2"}},
                 "cards":[{"number":"4111","holder":"Ada"},{"number":"5500","holder":"Ada"}],"nested":{"password":"kept"}}
                """;

        String redacted = redaction.body(JSON.readTree(body)).toString();

        assertThat(redacted).isEqualTo("{\"name\":\"Ada\",\"password\":\"[redacted]\",\"session\":{\"token\":"
                + "\"[redacted]\",\"deep\":{\"token\":\"[redacted]\"}},\"cards\":[{\"number\":\"[redacted]\",\"holder\":"
                + "\"Ada\"},{\"number\":\"[redacted]\",\"holder\":\"Ada\"}],\"nested\":{\"password\":\"kept\"}}");
    }

    @Test
    void aJsonBodyIsRedactedByItsTypeOrWithoutOneOtherBodiesAndUntouchedOnesComeBackAsGiven() {
        byte[] secret = "{\"password\": \"hunter2\"}".getBytes(StandardCharsets.UTF_8);
        byte[] plain = "{\"name\": \"Ada\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(redaction.body("application/json;charset=UTF-8", secret, JSON)))
                .isEqualTo("{\"password\":\"[redacted]\"}");
        assertThat(new String(redaction.body(null, secret, JSON))).isEqualTo("{\"password\":\"[redacted]\"}");
        assertThat(redaction.body("text/plain", secret, JSON)).isSameAs(secret);
        assertThat(redaction.body("application/json", plain, JSON)).isSameAs(plain);
    }
}
