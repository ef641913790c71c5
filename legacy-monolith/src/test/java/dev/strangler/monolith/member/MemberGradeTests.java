package dev.strangler.monolith.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MemberGradeTests {

    @Test
    void everyGradeRoundTripsThroughItsOneLetterCode() {
        assertThat(Arrays.stream(MemberGrade.values()).map(MemberGrade::code)).containsExactly("B", "S", "G", "V");
        Arrays.stream(MemberGrade.values())
                .forEach(grade -> assertThat(MemberGrade.fromCode(grade.code())).isEqualTo(grade));
    }

    @Test
    void theAcceptedNamesAreExactlyTheEnumNames() {
        assertThat(MemberGrade.NAMES.split("\\|"))
                .containsExactly(Arrays.stream(MemberGrade.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void searchTextTakesLikeWildcardsLiterally() {
        assertThat(new MemberSearch(null, "50%_off", 0, 20).likePattern()).isEqualTo("%50\\%\\_off%");
    }
}
