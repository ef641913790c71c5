package dev.strangler.playbook.console.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagChartTests {

    @Test
    void drawsALinePerTableAndListsEveryTableUnderThePicture() {
        Instant now = Instant.parse("2026-11-30T19:00:00Z");
        String chart = LagChart.svg(List.of(
                new LagHistory.Sample(now, Map.of("legacy_db.TB_MEMBER", 900.0, "legacy_db.TB_<ORDER>", 300.0)),
                new LagHistory.Sample(now.plusSeconds(5), Map.of("legacy_db.TB_MEMBER", 450.0))));

        assertThat(chart).containsOnlyOnce("<svg").containsOnlyOnce("</svg>");
        assertThat(chart.split("<polyline", -1)).hasSize(3);
        assertThat(chart).contains("<text x=\"4\" y=\"12\">900 ms</text>");
        String legend = chart.substring(chart.indexOf("</svg>"));
        assertThat(legend).contains("<ul class=\"chart-legend\">", ">legacy_db.TB_MEMBER</li>",
                ">legacy_db.TB_&lt;ORDER&gt;</li>");
    }
}
