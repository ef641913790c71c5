package dev.strangler.playbook.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A part's Dockerfile ({@code deploy/docker/<part>/Dockerfile}, built with its module as the context) against the
 * part: it copies what the module packages, unpacks Boot's layers, runs Boot's launcher for that packaging (with the
 * part's command, if it has one) as a user other than root, exposes the part's ports and sets only variables the part
 * reads.
 */
final class DockerfileChecks {

    /** Variables the JVM reads, not the application; a container may set them too. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DockerfileChecks() {
    }

    static Path dockerfile(Path repository, String name) {
        return repository.resolve("deploy/docker").resolve(name).resolve("Dockerfile");
    }

    /** The variables the image sets ({@code ENV NAME=value ...}). */
    static Map<String, String> environment(Path repository, String name) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        instructions(dockerfile(repository, name)).stream().filter(line -> line.startsWith("ENV "))
                .flatMap(line -> Arrays.stream(line.substring(4).trim().split("\\s+")))
                .forEach(assignment -> environment.put(assignment.substring(0, assignment.indexOf('=')),
                        assignment.substring(assignment.indexOf('=') + 1)));
        return environment;
    }

    private static List<String> instructions(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static List<String> check(Path repository, Part part, String javaVersion) throws IOException {
        Path file = dockerfile(repository, part.name());
        if (!Files.exists(file)) {
            return List.of(part.name() + ": no " + repository.relativize(file));
        }
        List<String> instructions = instructions(file);
        List<String> problems = new ArrayList<>();
        String where = repository.relativize(file) + ": ";
        String packaging = part.artifact().substring(part.artifact().lastIndexOf('.') + 1);
        if (!instructions.contains("COPY target/" + part.artifact() + " application." + packaging)) {
            problems.add(where + "does not copy target/" + part.artifact() + ", what the module packages");
        }
        if (instructions.stream().noneMatch(line -> line.startsWith("RUN java -Djarmode=tools -jar application."
                + packaging + " extract --layers --launcher"))) {
            problems.add(where + "does not extract Boot's layers with the launcher (-Djarmode=tools extract --layers --launcher)");
        }
        String launcher = "org.springframework.boot.loader.launch." + (packaging.equals("war") ? "WarLauncher" : "JarLauncher");
        List<String> entrypoint = instructions.stream().filter(line -> line.startsWith("ENTRYPOINT ")).findFirst()
                .map(line -> JSON.readValue(line.substring(11), String[].class)).map(List::of).orElse(List.of());
        if (!entrypoint.contains(launcher)) {
            problems.add(where + "ENTRYPOINT does not start Boot's " + launcher);
        } else if (!entrypoint.subList(entrypoint.indexOf(launcher) + 1, entrypoint.size()).equals(part.arguments())) {
            problems.add(where + "ENTRYPOINT does not pass " + part.arguments() + " to the launcher, as the kit runs "
                    + part.name());
        }
        List<String> froms = instructions.stream().filter(line -> line.startsWith("FROM ")).toList();
        if (froms.isEmpty() || !froms.stream().allMatch(line -> line.startsWith("FROM eclipse-temurin:" + javaVersion + "-jre"))) {
            problems.add(where + "every stage must run on eclipse-temurin:" + javaVersion + "-jre, the build's Java");
        }
        List<String> users = instructions.stream().filter(line -> line.startsWith("USER ")).toList();
        if (users.isEmpty() || users.get(users.size() - 1).matches("USER (root|0)(:.*)?")) {
            problems.add(where + "runs as root");
        }
        Set<Integer> exposed = instructions.stream().filter(line -> line.startsWith("EXPOSE "))
                .flatMap(line -> Arrays.stream(line.substring(7).trim().split("\\s+")))
                .map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        if (!exposed.equals(part.ports())) {
            problems.add(where + "EXPOSE " + exposed + ", but the part listens on " + part.ports());
        }
        environment(repository, part.name()).keySet()
                .forEach(variable -> problems.addAll(unknownVariable(where, part, variable)));
        return problems;
    }

    /** A variable the part does not read would be set and silently ignored. */
    static List<String> unknownVariable(String where, Part part, String variable) {
        if (part.reads(variable) || JVM_VARIABLES.contains(variable)) {
            return List.of();
        }
        return List.of(where + variable + " is not read by " + part.name() + " ("
                + part.readsFrom().replace("…", variable) + ")");
    }
}
