package dev.strangler.playbook.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * deploy/compose/compose.yaml against the parts: each part's service is named after the part, builds its module with
 * the part's Dockerfile, sets only variables the part reads, checks health where the part serves it, publishes only
 * the part's ports, and names other services by their compose names and ports.
 */
final class ComposeChecks {

    static final String IMAGE_PREFIX = "strangler-kit/";
    private static final Pattern URL = Pattern.compile("http://([a-z0-9-]+):(\\d+).*");

    private ComposeChecks() {
    }

    static List<String> check(Path repository, JsonNode compose, Map<String, Part> parts) {
        List<String> problems = new ArrayList<>();
        JsonNode services = compose.path("services");
        for (String module : parts.keySet()) {
            if (!services.has(module)) {
                problems.add("compose.yaml: no service " + module);
            }
        }
        for (Map.Entry<String, JsonNode> entry : services.properties()) {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            String where = "compose.yaml " + name + ": ";
            for (Map.Entry<String, JsonNode> dependency : service.path("depends_on").properties()) {
                if (!dependency.getValue().path("condition").asString("").equals("service_healthy")) {
                    problems.add(where + "depends on " + dependency.getKey() + " without condition: service_healthy");
                }
                if (services.path(dependency.getKey()).path("healthcheck").isMissingNode()) {
                    problems.add(where + "waits for " + dependency.getKey() + ", which has no healthcheck");
                }
            }
            String image = service.path("image").asString("");
            if (image.startsWith(IMAGE_PREFIX)) {
                problems.addAll(checkPart(repository, where, name, image, service, services, parts));
            }
        }
        return problems;
    }

    private static List<String> checkPart(Path repository, String where, String name, String image, JsonNode service,
                                          JsonNode services, Map<String, Part> parts) {
        Part part = parts.get(name);
        if (part == null || !image.startsWith(IMAGE_PREFIX + name + ":")) {
            return List.of(where + "image " + image + " is not a part's (" + IMAGE_PREFIX + "<module>:<tag>)");
        }
        List<String> problems = new ArrayList<>();
        Path composeDirectory = repository.resolve("deploy/compose");
        Path context = composeDirectory.resolve(service.path("build").path("context").asString("")).normalize();
        if (!context.equals(repository.resolve(part.module()))) {
            problems.add(where + "builds from " + context + ", not the module " + part.module());
        }
        Path dockerfile = context.resolve(service.path("build").path("dockerfile").asString("Dockerfile")).normalize();
        if (!dockerfile.equals(DockerfileChecks.dockerfile(repository, name)) || !Files.exists(dockerfile)) {
            problems.add(where + "builds with " + dockerfile + ", not deploy/docker/" + name + "/Dockerfile");
        }
        for (Map.Entry<String, JsonNode> variable : service.path("environment").properties()) {
            problems.addAll(DockerfileChecks.unknownVariable(where, part, variable.getKey()));
            if (!variable.getValue().isNull()) {
                problems.addAll(reference(where, variable.getKey(), variable.getValue().asString(""), services, parts));
            }
        }
        String health = "http://127.0.0.1:" + part.actuatorPort() + part.readinessPath();
        if (!service.path("healthcheck").path("test").toString().contains("\"" + health + "\"")) {
            problems.add(where + "healthcheck does not ask " + health);
        }
        for (JsonNode published : service.path("ports")) {
            String mapping = published.asString("");
            int port = Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
            if (!part.ports().contains(port)) {
                problems.add(where + "publishes " + port + ", but the part listens on " + part.ports());
            }
        }
        return problems;
    }

    /** A URL or host in a part's environment must be another service, and a URL's port one that service serves. */
    static List<String> reference(String where, String variable, String value, JsonNode services,
                                  Map<String, Part> parts) {
        String host = null;
        Integer port = null;
        Matcher url = URL.matcher(value);
        if (url.matches()) {
            host = url.group(1);
            port = Integer.valueOf(url.group(2));
        } else if (variable.equals("KIT_DB_HOST") || variable.equals("KIT_KAFKA_BOOTSTRAP")) {
            host = value.replaceAll(":.*", "");
        }
        if (host == null) {
            return List.of();
        }
        if (!services.has(host)) {
            return List.of(where + variable + " names " + host + ", which is no service");
        }
        Part target = parts.get(host);
        if (port != null && target != null && !target.ports().contains(port)) {
            return List.of(where + variable + " calls " + host + " on " + port + ", but it listens on " + target.ports());
        }
        return List.of();
    }

    /**
     * The optional variables of .env.example (its commented {@code # NAME=example} lines) reach the parts as
     * pass-through entries ({@code NAME:} without a value: compose passes it from .env when set there, else not at
     * all): each is passed to every part that reads it, and only optional variables are passed through.
     */
    static List<String> passThroughs(JsonNode compose, Set<String> optional, Map<String, Part> parts) {
        List<String> problems = new ArrayList<>();
        Set<String> passed = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : compose.path("services").properties()) {
            Part part = parts.get(entry.getKey());
            JsonNode environment = entry.getValue().path("environment");
            for (Map.Entry<String, JsonNode> variable : environment.properties()) {
                if (variable.getValue().isNull()) {
                    passed.add(variable.getKey());
                    if (!optional.contains(variable.getKey())) {
                        problems.add("compose.yaml " + entry.getKey() + ": passes " + variable.getKey()
                                + " through, which .env.example does not show as optional");
                    }
                }
            }
            for (String variable : optional) {
                if (part != null && part.reads(variable) && !environment.path(variable).isNull()) {
                    problems.add("compose.yaml " + entry.getKey() + ": does not pass " + variable + " through");
                }
            }
        }
        optional.stream().filter(variable -> !passed.contains(variable))
                .forEach(variable -> problems.add(".env.example shows " + variable + ", which no service is given"));
        return problems;
    }

    /** Every ${VAR} compose interpolates (comments aside) is listed in .env.example, and every line there is used. */
    static List<String> interpolations(String composeText, Set<String> examples) {
        Set<String> used = new TreeSet<>();
        String withoutComments = composeText.replaceAll("(?m)^\\s*#.*$", "");
        Matcher matcher = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)").matcher(withoutComments);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        List<String> problems = new ArrayList<>();
        used.stream().filter(name -> !examples.contains(name))
                .forEach(name -> problems.add("compose.yaml uses ${" + name + "}, which .env.example does not list"));
        examples.stream().filter(name -> !used.contains(name))
                .forEach(name -> problems.add(".env.example lists " + name + ", which compose.yaml never uses"));
        return problems;
    }
}
