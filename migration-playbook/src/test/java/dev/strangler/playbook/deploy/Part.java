package dev.strangler.playbook.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One deployable part as its code declares it: the artifact its pom packages, the variables its application.yml
 * reads ({@code ${VAR...}}), and its ports and actuator paths at their defaults. The deployment files are checked
 * against this, never against numbers written a second time in the test.
 *
 * @param module      the Maven module, which is also the part's image, compose service, Deployment and Dockerfile
 *                    directory name
 * @param artifact    what {@code mvn package} leaves in {@code target/}, e.g. {@code legacy-monolith.war}
 * @param variables   every environment variable the application.yml has a placeholder for
 * @param serverPort  {@code server.port}'s default
 * @param actuatorPort {@code management.server.port}'s default, or the server port when there is none
 * @param healthPath  the health endpoint under the actuator base path
 * @param probesEnabled whether the liveness and readiness groups are served: Spring Boot 4 serves them unless
 *                    {@code management.endpoint.health.probes.enabled} is false
 * @param healthExposed whether the health endpoint is exposed over HTTP
 */
record Part(String module, String artifact, Set<String> variables, int serverPort, int actuatorPort,
            String healthPath, boolean probesEnabled, boolean healthExposed) {

    static final List<String> MODULES = List.of("legacy-monolith", "strangler-proxy", "extracted-member-service",
            "extracted-order-service", "cdc-bridge");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}");

    static Part read(Path repository, String module) {
        Path directory = repository.resolve(module);
        try {
            String yml = Files.readString(directory.resolve("src/main/resources/application.yml"));
            JsonNode root = YAMLMapper.builder().build().readTree(yml);
            Set<String> variables = new TreeSet<>();
            Matcher matcher = PLACEHOLDER.matcher(yml);
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            int serverPort = port(root.path("server").path("port").asString());
            String actuatorPortValue = root.path("management").path("server").path("port").asString("");
            int actuatorPort = actuatorPortValue.isEmpty() ? serverPort : port(actuatorPortValue);
            String basePath = root.path("management").path("endpoints").path("web").path("base-path").asString("/actuator");
            JsonNode health = root.path("management").path("endpoint").path("health");
            boolean probesEnabled = !health.path("probes").path("enabled").asString("true").equals("false");
            boolean healthExposed = root.path("management").path("endpoints").path("web").path("exposure")
                    .path("include").asString("").matches("(.*,)?\\s*(health|\\*)\\s*(,.*)?");
            return new Part(module, artifact(directory.resolve("pom.xml")), variables, serverPort, actuatorPort,
                    basePath + "/health", probesEnabled, healthExposed);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + module, e);
        }
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
    private static int port(String value) {
        Matcher defaulted = DEFAULTED.matcher(value);
        return Integer.parseInt(defaulted.matches() ? defaulted.group(1) : value);
    }

    /** {@code <finalName>.<packaging>}: the module's poms name it {@code ${project.artifactId}}. */
    private static String artifact(Path pom) {
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
