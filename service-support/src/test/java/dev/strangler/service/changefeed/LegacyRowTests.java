package dev.strangler.service.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every column type in the shape the bridge's Debezium configuration writes it (the same row as captured live in
 * cdc-bridge's {@code ColumnTypesIntegrationTests}).
 */
class LegacyRowTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LegacyRow row = new LegacyRow("TB_TYPED", JSON.readTree("""
            {"REGION":"KR","SEQ":7,"AMOUNT":"1234.560","BIG":18446744073709551615,
             "CREATED":1796023047123,"UPDATED":"2026-11-30T07:17:27.123Z","BORN":20000,"AT_TIME":45296789,
             "YR":2026,"FLAG":true,"BITS":"Dw==","STATUS":"PAID","TAGS":"a,c","DOC":"{\\"k\\": [1, 2]}",
             "PHOTO":"AAEC/w==","RATIO":0.25,"TOTAL":"2469.120","NOTE":null}
            """));

    @Test
    void readsEachTypeExactly() {
        assertThat(row.text("REGION")).isEqualTo("KR");
        assertThat(row.intValue("SEQ")).isEqualTo(7);
        assertThat(row.decimal("AMOUNT")).isEqualByComparingTo(new BigDecimal("1234.560"));
        assertThat(row.bigInteger("BIG")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(row.instant("CREATED")).isEqualTo(Instant.ofEpochMilli(1796023047123L));
        assertThat(row.instant("UPDATED")).isEqualTo(Instant.parse("2026-11-30T07:17:27.123Z"));
        assertThat(row.date("BORN")).isEqualTo(LocalDate.ofEpochDay(20000));
        assertThat(row.time("AT_TIME")).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
        assertThat(row.intValue("YR")).isEqualTo(2026);
        assertThat(row.bool("FLAG")).isTrue();
        assertThat(row.bytes("BITS")).containsExactly(0x0f);
        assertThat(row.text("STATUS")).isEqualTo("PAID");
        assertThat(row.set("TAGS")).containsExactly("a", "c");
        assertThat(row.json("DOC").path("k").get(1).asInt()).isEqualTo(2);
        assertThat(row.bytes("PHOTO")).containsExactly(0, 1, 2, 0xff);
        assertThat(row.doubleValue("RATIO")).isEqualTo(0.25);
        assertThat(row.decimal("TOTAL")).isEqualByComparingTo("2469.12");
        assertThat(row.has("NOTE")).isFalse();
        assertThat(row.optionalText("NOTE")).isNull();
    }

    @Test
    void versionsOfEveryTimeAndNumberTypeOrderAsTheirValues() {
        assertThat(row.version("CREATED")).isEqualTo(1796023047123L);
        assertThat(row.version("UPDATED")).isEqualTo(Instant.parse("2026-11-30T07:17:27.123Z").toEpochMilli());
        assertThat(row.version("SEQ")).isEqualTo(7);
        assertThat(row.version("YR")).isEqualTo(2026);
        assertThatThrownBy(() -> row.version("STATUS")).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("TB_TYPED.STATUS", "cannot order versions");
    }

    @Test
    void aCompositeKeyKeepsEachPartApartAndOneColumnIsItsPlainValue() {
        assertThat(row.key("SEQ")).isEqualTo("7");
        assertThat(row.key("REGION")).isEqualTo("KR");
        String composite = row.key("REGION", "SEQ");
        assertThat(composite).isEqualTo("\"KR\"\u001f7");
        LegacyRow other = new LegacyRow("TB_TYPED", JSON.readTree("{\"REGION\":\"KR\\u001f7\",\"SEQ\":1}"));
        assertThat(other.key("REGION", "SEQ")).isNotEqualTo(composite);
    }

    @Test
    void aColumnOfTheWrongKindNamesTheColumn() {
        assertThatThrownBy(() -> row.bool("REGION")).hasMessage("TB_TYPED.REGION is not a boolean");
        assertThatThrownBy(() -> row.time("CREATED")).hasMessageContaining("is not a time of day");
        assertThatThrownBy(() -> row.json("REGION")).hasMessage("TB_TYPED.REGION is not a JSON document");
        assertThat(new LegacyRow("T", JSON.readTree("{\"TAGS\":\"\"}")).set("TAGS")).isEqualTo(List.of());
    }
}
