package dev.strangler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class PlaceholdersTests {

    @Test
    void aSolePlaceholderKeepsTheCapturedTypeAndEmbeddedOnesBecomeText() {
        Captures captures = Captures.withUniqueToken("u1");
        captures.put("productId", JsonNodeFactory.instance.numberNode(17));

        var resolved = Placeholders.resolveNode(ScenarioSuite.JSON.readTree(
                "{\"items\": [{\"productId\": \"{{productId}}\"}], \"loginId\": \"lee_{{unique}}\"}"), captures);

        assertThat(resolved.toString()).isEqualTo("{\"items\":[{\"productId\":17}],\"loginId\":\"lee_u1\"}");
        assertThat(Placeholders.resolveText("/api/products/{{productId}}", captures)).isEqualTo("/api/products/17");
    }

    @Test
    void soleNameRecognisesOnlyAStringThatIsExactlyOnePlaceholder() {
        assertThat(Placeholders.soleName("{{ capture:id }}")).isEqualTo("capture:id");
        assertThat(Placeholders.soleName("x{{id}}")).isNull();
    }
}
