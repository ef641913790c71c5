package dev.strangler.playbook.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueTypeTests {

    @Test
    void jsonComparesByContentNotByKeyOrderSpacingOrTrailingZeros() {
        assertThat(ValueType.JSON.normalise("{\"b\": [1, 2.50], \"a\": {\"y\": true, \"x\": null}}"))
                .isEqualTo(ValueType.JSON.normalise("{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2.5]}"));
        assertThat(ValueType.JSON.normalise("{\"a\": 1}")).isNotEqualTo(ValueType.JSON.normalise("{\"a\": 2}"));
        assertThat(ValueType.JSON.normalise("not json")).isEqualTo("not json");
    }

    @Test
    void bytesCompareByteForByteAndTextReadsBytesAsText() {
        byte[] image = {0, 1, 2, (byte) 0xff};
        assertThat(ValueType.BYTES.normalise(image)).isEqualTo(ValueType.BYTES.normalise(image.clone()))
                .isNotEqualTo(ValueType.BYTES.normalise(new byte[] {0, 1, 2, (byte) 0xfe}));
        assertThat(ValueType.TEXT.normalise("héllo".getBytes(StandardCharsets.UTF_8))).isEqualTo("héllo");
    }
}
