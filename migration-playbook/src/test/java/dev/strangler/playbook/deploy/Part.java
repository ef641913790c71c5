package dev.strangler.playbook.deploy;

import dev.strangler.infra.kafka.KafkaClientEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One deployable part as its code declares it: the artifact its pom packages, the command it runs, the variables it
 * reads, and its ports and actuator paths at their defaults. The deployment files are checked against this, never
 * against numbers written a second time in the test. The applications read their variables as {@code ${VAR...}}
 * placeholders of their application.yml ({@link #read}); the migration console is the kit's own code ({@link
 * ConsolePart}).
 *
 * @param name        the part's image, compose service, Deployment and Dockerfile directory name
 * @param module      the Maven module that builds it, the image's build context
 * @param artifact    what {@code mvn package} leaves in {@code target/}, e.g. {@code legacy-monolith.war}
 * @param arguments   what the image's entry point passes after Boot's launcher: none, or the kit's command
 * @param variables   whether the part reads an environment variable
 * @param readsFrom   where the variables it reads are written, for a message about one it does not
 * @param serverPort  {@code server.port}'s default
 * @param actuatorPort {@code management.server.port}'s default, or the server port when there is none
 * @param healthPath  the health endpoint under the actuator base path
 * @param probesEnabled whether the liveness and readiness groups are served: Spring Boot 4 serves them unless
 *                    {@code management.endpoint.health.probes.enabled} is false
 * @param healthExposed whether the health endpoint is exposed over HTTP
 */
record Part(String name, String module, String artifact, List<String> arguments, Predicate<String> variables,
            String readsFrom, int serverPort, int actuatorPort, String healthPath, boolean probesEnabled,
            boolean healthExposed) {

    static final List<String> MODULES = List.of("legacy-monolith", "strangler-proxy", "extracted-member-service",
            "extracted-order-service", "cdc-bridge");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}");

    static Part read(Path repository, String module) {
        Path directory = repository.resolve(module);
        try {
            String yml = Files.readString(directory.resolve("src/main/resources/application.yml"));
            JsonNode root = YAMLMapper.builder().build().readTree(yml);
            Set<String> placeholders = placeholders(yml);
            // A part with Boot's Kafka client takes its spring.kafka.* security settings from the environment too.
            boolean kafka = root.path("spring").has("kafka");
            Predicate<String> variables = variable -> placeholders.contains(variable)
                    || kafka && kafkaSecurity(variable);
            int serverPort = port(root.path("server").path("port").asString());
            String actuatorPortValue = root.path("management").path("server").path("port").asString("");
            int actuatorPort = actuatorPortValue.isEmpty() ? serverPort : port(actuatorPortValue);
            return withActuator(module, module, artifact(directory.resolve("pom.xml")), List.of(), variables,
                    kafka ? "no ${…} in its application.yml, nor a Kafka security setting"
                            : "no ${…} in its application.yml, and it has no Kafka client",
                    serverPort, actuatorPort, root.path("management"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + module, e);
        }
    }

    /** The actuator paths and groups as the part's {@code management.*} settings give them. */
    static Part withActuator(String name, String module, String artifact, List<String> arguments,
                             Predicate<String> variables, String readsFrom, int serverPort, int actuatorPort,
                             JsonNode management) {
        String basePath = management.path("endpoints").path("web").path("base-path").asString("/actuator");
        JsonNode health = management.path("endpoint").path("health");
        boolean probesEnabled = !health.path("probes").path("enabled").asString("true").equals("false");
        boolean healthExposed = management.path("endpoints").path("web").path("exposure")
                .path("include").asString("").matches("(.*,)?\\s*(health|\\*)\\s*(,.*)?");
        return new Part(name, module, artifact, arguments, variables, readsFrom, serverPort, actuatorPort,
                basePath + "/health", probesEnabled, healthExposed);
    }

    /** Every {@code ${VAR}} of a file the code reads with the environment's values. */
    static Set<String> placeholders(String text) {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /**
     * One of the security variables of Boot's {@code spring.kafka.*} ({@code SPRING_KAFKA_SECURITY_PROTOCOL},
     * {@code SPRING_KAFKA_PROPERTIES_SASL_*}, {@code SPRING_KAFKA_SSL_*}): the ones the kit's own Kafka clients take
     * as Boot's do ({@link KafkaClientEnvironment}).
     */
    static boolean kafkaSecurity(String variable) {
        return !KafkaClientEnvironment.security(Map.of(variable, "x")).isEmpty();
    }

    boolean reads(String variable) {
        return variables.test(variable);
    }

    /** The ports a container of this part listens on. */
    Set<Integer> ports() {
        return new TreeSet<>(List.of(serverPort, actuatorPort));
    }

    String livenessPath() {
        return healthPath + "/liveness";
    }

    String readinessPath() {
        return healthPath + "/readiness";
    }

    /** A value written as {@code ${PORT_VARIABLE:8081}} or as a plain number. */
    static int port(String value) {
        Matcher defaulted = DEFAULTED.matcher(value);
        return Integer.parseInt(defaulted.matches() ? defaulted.group(1) : value);
    }

    /** {@code <finalName>.<packaging>}: the module's poms name it {@code ${project.artifactId}}. */
    static String artifact(Path pom) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            Element project = document.getDocumentElement();
            String artifactId = child(project, "artifactId");
            String packaging = child(project, "packaging");
            Element build = (Element) project.getElementsByTagName("build").item(0);
            String finalName = build == null ? null : child(build, "finalName");
            String name = finalName == null ? artifactId + "-" + child(project, "version")
                    : finalName.replace("${project.artifactId}", artifactId);
            return name + "." + (packaging == null ? "jar" : packaging);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }
}
