package dev.strangler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonMatcherTests {

    private final Captures captures = Captures.withUniqueToken("tok1");

    private List<Mismatch> match(String expected, String actual) {
        return JsonMatcher.match(json(expected), json(actual), captures);
    }

    private static JsonNode json(String text) {
        return ScenarioSuite.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void anExpectedObjectIsASubsetOfTheActualOne() {
        assertThat(match("{'name': 'Kim'}", "{'name': 'Kim', 'id': 7}")).isEmpty();
    }

    @Test
    void reportsThePathExpectedAndActualOfADifference() {
        assertThat(match("{'items': [{'quantity': 2}]}", "{'items': [{'quantity': 3}]}"))
                .extracting(Mismatch::toString)
                .containsExactly("$.items[0].quantity: expected 2 but was 3");
    }

    @Test
    void aMissingFieldIsAMismatch() {
        assertThat(match("{'email': 'a@b.c'}", "{'name': 'Kim'}"))
                .containsExactly(new Mismatch("$.email", "\"a@b.c\"", "missing"));
    }

    @Test
    void numbersCompareByValueNotByScale() {
        assertThat(match("{'total': 10}", "{'total': 10.00}")).isEmpty();
        assertThat(match("{'total': 10}", "{'total': '10'}")).hasSize(1);
    }

    @Test
    void typeMatchersCheckTheKindOfValue() {
        assertThat(match("{'id': '{{number}}', 'at': '{{iso-instant}}', 'x': '{{any}}', 's': '{{string}}'}",
                "{'id': 5, 'at': '2026-11-24T10:15:30.123Z', 'x': null, 's': ''}")).isEmpty();
        assertThat(match("{'id': '{{number}}', 'at': '{{iso-instant}}'}", "{'id': '5', 'at': '2026-11-24 10:15'}"))
                .extracting(Mismatch::path).containsExactly("$.id", "$.at");
    }

    @Test
    void anInstantWithAnOffsetOtherThanUtcIsNotAnIsoInstant() {
        assertThat(match("'{{iso-instant}}'", "'2026-11-24T10:15:30+09:00'")).hasSize(1);
    }

    @Test
    void absentRequiresTheFieldNotToBeThere() {
        assertThat(match("{'trace': '{{absent}}'}", "{'status': 500}")).isEmpty();
        assertThat(match("{'trace': '{{absent}}'}", "{'trace': 'java.lang...'}")).hasSize(1);
    }

    @Test
    void capturesAValueThatLaterExpectationsReferToWithItsType() {
        assertThat(match("{'id': '{{capture:memberId}}'}", "{'id': 42}")).isEmpty();
        assertThat(match("{'memberId': '{{memberId}}'}", "{'memberId': 42}")).isEmpty();
        assertThat(match("{'memberId': '{{memberId}}'}", "{'memberId': '42'}")).hasSize(1);
    }

    @Test
    void interpolatesReferencesInsideLongerStrings() {
        assertThat(match("{'loginId': 'kim_{{unique}}'}", "{'loginId': 'kim_tok1'}")).isEmpty();
        assertThat(match("{'loginId': 'kim_{{unique}}'}", "{'loginId': 'kim_other'}"))
                .containsExactly(new Mismatch("$.loginId", "\"kim_tok1\"", "\"kim_other\""));
    }

    @Test
    void anUnknownReferenceFailsLoudly() {
        assertThatThrownBy(() -> match("{'id': '{{orderId}}'}", "{'id': 1}"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("{{orderId}}");
    }

    @Test
    void arraysMatchElementByElementWithTheSameLength() {
        assertThat(match("[1, 2]", "[1, 2]")).isEmpty();
        assertThat(match("[2, 1]", "[1, 2]")).hasSize(2);
        assertThat(match("[1]", "[1, 2]")).containsExactly(new Mismatch("$", "1 elements", "[1,2]"));
    }

    @Test
    void ignoreOrderNeedsTheSameElementsInAnyOrder() {
        assertThat(match("['{{ignore-order}}', {'f': 'b'}, {'f': 'a'}]", "[{'f': 'a'}, {'f': 'b'}]")).isEmpty();
        assertThat(match("['{{ignore-order}}', {'f': 'b'}]", "[{'f': 'a'}, {'f': 'b'}]")).hasSize(1);
        assertThat(match("['{{ignore-order}}', {'f': 'a'}, {'f': 'a'}]", "[{'f': 'a'}, {'f': 'b'}]"))
                .extracting(Mismatch::path).containsExactly("$[*]");
    }

    @Test
    void containsAcceptsOtherElementsAroundTheListedOnes() {
        assertThat(match("['{{contains}}', {'id': 3}]", "[{'id': 1}, {'id': 3, 'n': 'x'}, {'id': 9}]")).isEmpty();
        assertThat(match("['{{contains}}', {'id': 4}]", "[{'id': 1}]")).hasSize(1);
    }

    @Test
    void aFailedElementAttemptLeavesNoCaptureBehind() {
        match("['{{contains}}', {'id': '{{capture:found}}', 'kind': 'b'}]", "[{'id': 1, 'kind': 'a'}, {'id': 2, 'kind': 'b'}]");
        assertThat(captures.get("found")).hasValueSatisfying(found -> assertThat(found.intValue()).isEqualTo(2));
    }

    @Test
    void aScalarWhereAnObjectIsExpectedIsAMismatch() {
        assertThat(match("{'a': {'b': 1}}", "{'a': 'text'}"))
                .containsExactly(new Mismatch("$.a", "an object", "\"text\""));
    }
}
