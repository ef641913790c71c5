package dev.strangler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSuiteTests {

    @TempDir
    Path directory;

    @Test
    void loadsEveryJsonFileInNameOrder() throws IOException {
        write("20-second.json", scenario("second"));
        write("10-first.json", scenario("first"));
        write("notes.txt", "not a scenario");

        ScenarioSuite suite = ScenarioSuite.load(directory);

        assertThat(suite.scenarios()).extracting(Scenario::name).containsExactly("first", "second");
        assertThat(suite.stepCount()).isEqualTo(2);
        assertThat(suite.scenarios().get(0).steps().get(0).request().method()).isEqualTo("GET");
    }

    @Test
    void aMisspeltKeyFailsLoadingWithTheFileAndKeyNamed() throws IOException {
        write("broken.json", scenario("broken").replace("\"steps\"", "\"descripton\": \"typo\", \"steps\""));

        assertThatThrownBy(() -> ScenarioSuite.load(directory))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("descripton");
    }

    @Test
    void anEmptyDirectoryIsAnError() {
        assertThatThrownBy(() -> ScenarioSuite.load(directory)).hasMessageContaining("no *.json scenario files");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content);
    }

    static String scenario(String name) {
        return """
                {"name": "%s", "steps": [
                  {"name": "look", "request": {"method": "get", "path": "/things"}, "expect": {"status": 200}}
                ]}""".formatted(name);
    }
}
