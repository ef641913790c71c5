package dev.strangler.playbook.compare.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the requests and the answers the candidate's are compared with came from. */
sealed interface ComparisonSource {

    /** The name of the other side's answers in the reports. */
    String left();

    /** Report rows naming that side and the requests, in order. */
    Map<String, String> origin();

    /** How much was compared, e.g. {@code 2 scenarios, 7 steps}. */
    String counted(int steps);

    /** What "not compared" means here. */
    String notComparedMeans();

    /** Paragraphs the reports give after the summary: what to know to read the differences. */
    List<String> notes();

    /**
     * The scenario suite, run on a legacy side and on the candidate, each on its own.
     *
     * @param legacy          the legacy base URL
     * @param scenarios       the directory the suite came from
     * @param scenarioCount   how many scenarios ran on each side
     * @param legacyFailed    steps that failed the scenario's own checks on the legacy side (expectation not met, or
     *                        no answer)
     * @param candidateFailed the same on the candidate side
     */
    record Suite(URI legacy, Path scenarios, int scenarioCount, long legacyFailed, long candidateFailed)
            implements ComparisonSource {

        @Override
        public String left() {
            return "legacy";
        }

        @Override
        public Map<String, String> origin() {
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("legacy", legacy.toString());
            rows.put("scenarios", scenarios.toString());
            return rows;
        }

        @Override
        public String counted(int steps) {
            return scenarioCount + " scenarios, " + steps + " steps";
        }

        @Override
        public String notComparedMeans() {
            return "no answer from a side, or skipped there after a failed step";
        }

        @Override
        public List<String> notes() {
            return List.of(checks() + ".", "Each side ran every scenario on its own, so the values a run makes up "
                    + "(its unique token, the ids its scenarios captured) count as equal where they stand in the same "
                    + "place on both sides. A generated value a scenario does not capture differs: capture it, or "
                    + "ignore its path.");
        }

        String checks() {
            return String.format("steps failing the scenarios' own checks (expectation not met, or no answer): "
                    + "legacy %d, candidate %d", legacyFailed, candidateFailed);
        }
    }

    /**
     * Exchanges the proxy recorded, replayed against the candidate.
     *
     * @param file the recording (JSON lines)
     */
    record Recording(Path file) implements ComparisonSource {

        @Override
        public String left() {
            return "recorded";
        }

        @Override
        public Map<String, String> origin() {
            return Map.of("recording", file.toString());
        }

        @Override
        public String counted(int steps) {
            return steps + " recorded exchanges";
        }

        @Override
        public String notComparedMeans() {
            return "no answer from the candidate, or a body the recording did not keep";
        }

        @Override
        public List<String> notes() {
            return List.of("Each recorded request was sent to the candidate as the proxy received it, in the file's "
                    + "order, without its redacted headers and with redacted JSON fields as recorded; the "
                    + "candidate's answer, redacted by the same rules, is compared with the answer the client got "
                    + "then (from the side each title names). Nothing is lined up between the two: a value the "
                    + "candidate generates anew (an id of a replayed write, a timestamp) differs unless its path is "
                    + "ignored.");
        }
    }
}
