package dev.strangler.playbook.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTests {

    @Test
    void showsTheShareDoneAsABarAndAPercentage() {
        assertThat(ProgressBar.line("TB_MEMBER", 500_000, 1_000_000))
                .isEqualTo("TB_MEMBER [###############...............]  50%  500,000 of 1,000,000 rows");
        assertThat(ProgressBar.line("TB_MEMBER", 0, 1_000_000)).startsWith("TB_MEMBER [......").contains("  0%");
    }

    @Test
    void neverGoesPastAHundredPercentWhenRowsArriveAfterTheCount() {
        assertThat(ProgressBar.line("TB_ORDER", 1_200, 1_000))
                .isEqualTo("TB_ORDER [##############################] 100%  1,200 of 1,200 rows");
        assertThat(ProgressBar.line("TB_EMPTY", 0, 0)).contains("100%  0 of 0 rows");
    }

    @Test
    void redrawsInPlaceAndClearsTheLineAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        bar.rows("TB_MEMBER", 100_000, 1_000_000);
        bar.rows("TB_MEMBER", 200_000, 1_000_000);
        bar.clear();

        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(written.split("\r", -1)).hasSize(5); // two bars, then a blanked line and the carriage return
        assertThat(written).contains(" 10%  100,000 of 1,000,000 rows", " 20%  200,000 of 1,000,000 rows");
        assertThat(written).endsWith("\r");
    }
}
