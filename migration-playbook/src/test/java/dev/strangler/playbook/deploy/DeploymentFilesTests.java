package dev.strangler.playbook.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.mariadb.DatabaseBootstrap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * No container engine runs here, so the deployment files under deploy/ are read with real parsers (fabric8's
 * Kubernetes model, Jackson for compose) and checked against the code they deploy: the variables each
 * application.yml reads, the ports and health groups it serves, the artifact each pom packages.
 */
class DeploymentFilesTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path KUBERNETES = REPOSITORY.resolve("deploy/kubernetes");
    private static final Path COMPOSE = REPOSITORY.resolve("deploy/compose");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static Map<String, Part> parts;
    private static List<HasMetadata> manifests;

    @BeforeAll
    static void readParts() throws IOException {
        parts = new LinkedHashMap<>();
        Part.MODULES.forEach(module -> parts.put(module, Part.read(REPOSITORY, module)));
        manifests = new ArrayList<>();
        for (String file : kustomizationResources()) {
            manifests.addAll(Manifests.read(KUBERNETES.resolve(file)));
        }
    }

    @Test
    void everyPartServesTheHealthGroupsTheProbesAsk() {
        assertThat(parts.values()).allSatisfy(part -> {
            assertThat(part.probesEnabled()).as(part.module() + " management.endpoint.health.probes.enabled").isTrue();
            assertThat(part.healthExposed()).as(part.module() + " exposes the health endpoint").isTrue();
        });
    }

    @Test
    void eachDockerfileUnpacksWhatItsModulePackages() throws IOException {
        String javaVersion = rootProperty("java.version");
        List<String> problems = new ArrayList<>();
        for (Part part : parts.values()) {
            problems.addAll(DockerfileChecks.check(REPOSITORY, part, javaVersion));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void composeRunsEachPartAsItsCodeExpects() throws IOException {
        String text = Files.readString(COMPOSE.resolve("compose.yaml"));
        JsonNode compose = YAML.readTree(text);
        List<String> problems = new ArrayList<>(ComposeChecks.check(REPOSITORY, compose, parts));
        problems.addAll(ComposeChecks.interpolations(text, envExampleKeys()));
        assertThat(problems).isEmpty();

        JsonNode services = compose.path("services");
        // Debezium needs these of the server; the kit's own preflight refuses to start the bridge without them.
        assertThat(services.path("mysql").path("image").asString()).startsWith("mysql:8");
        assertThat(services.path("mysql").path("command").toString())
                .contains("--binlog-format=ROW", "--binlog-row-image=FULL", "--server-id=", "--gtid-mode=ON");
        // The broker and Connect are the versions the kit's clients and the bridge's Debezium are built with.
        assertThat(services.path("kafka").path("image").asString()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(services.path("kafka-connect").path("image").asString())
                .isEqualTo("quay.io/debezium/connect:" + rootProperty("debezium.version"));
    }

    @Test
    void mysqlInitScriptIsTheKitsOwnBootstrap() throws IOException {
        String script = Files.readString(COMPOSE.resolve("mysql/01-kit-schemas.sh"));
        Matcher heredoc = Pattern.compile("<<SQL\n(.*)\nSQL\n", Pattern.DOTALL).matcher(script);
        assertThat(heredoc.find()).as("a <<SQL here-document").isTrue();
        Map<String, String> passwords = Stream.of("LEGACY_DB", "MEMBER_DB", "ORDER_DB", "CDC_DB",
                        "MEMBER_DB_MIGRATION", "ORDER_DB_MIGRATION")
                .collect(Collectors.toMap(prefix -> prefix + "_PASSWORD", prefix -> "${" + prefix + "_PASSWORD}"));
        // Backticks would be command substitution in the here-document; the names need no quoting.
        String expected = DatabaseBootstrap.sql(InfraSettings.fromEnvironment(passwords)).replace("`", "");
        assertThat(heredoc.group(1) + "\n").isEqualTo(expected);

        JsonNode environment = YAML.readTree(COMPOSE.resolve("compose.yaml").toFile())
                .path("services").path("mysql").path("environment");
        assertThat(passwords.keySet()).allSatisfy(variable -> assertThat(environment.has(variable))
                .as("the mysql service passes " + variable + " to the init script").isTrue());
    }

    @Test
    void manifestsAreKubernetesResourcesWithoutUnknownFields() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            onDisk = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")
                            && !name.endsWith(".example.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(new TreeSet<>(kustomizationResources())).as("kustomization.yaml lists every manifest").isEqualTo(onDisk);
        assertThat(manifests).hasSizeGreaterThan(parts.size() * 2);
        List<String> unknown = new ArrayList<>();
        manifests.forEach(resource -> unknown.addAll(Manifests.unknownFields(resource)));
        unknown.addAll(Manifests.unknownFields(exampleSecret()));
        assertThat(unknown).isEmpty();
    }

    @Test
    void deploymentsAndServicesLineUpWithTheParts() throws IOException {
        List<String> problems = new ArrayList<>(KubernetesChecks.deployments(REPOSITORY, manifests, parts,
                exampleSecret().getStringData().keySet()));
        problems.addAll(KubernetesChecks.services(manifests));
        assertThat(problems).isEmpty();
        assertThat(exampleSecret().getStringData().keySet()).isSubsetOf(envExampleKeys());
    }

    @Test
    void theProxyScalesOutAndTheBridgeRunsOnce() {
        Deployment proxy = KubernetesChecks.named(manifests, Deployment.class, "strangler-proxy").orElseThrow();
        HorizontalPodAutoscaler autoscaler = KubernetesChecks.ofKind(manifests, HorizontalPodAutoscaler.class).get(0);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("strangler-proxy");
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(proxy.getSpec().getReplicas()).as("the autoscaler owns the proxy's replicas").isNull();
        PodDisruptionBudget budget = KubernetesChecks.ofKind(manifests, PodDisruptionBudget.class).get(0);
        assertThat(KubernetesChecks.selected(manifests, budget.getSpec().getSelector().getMatchLabels()))
                .containsExactly(proxy);

        Deployment bridge = KubernetesChecks.named(manifests, Deployment.class, "cdc-bridge").orElseThrow();
        assertThat(bridge.getSpec().getReplicas()).isEqualTo(1);
        assertThat(bridge.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        NetworkPolicy policy = KubernetesChecks.named(manifests, NetworkPolicy.class, "cdc-bridge").orElseThrow();
        assertThat(KubernetesChecks.selected(manifests, policy.getSpec().getPodSelector().getMatchLabels()))
                .containsExactly(bridge);
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> {
            assertThat(rule.getFrom()).extracting(NetworkPolicyPeer::getPodSelector)
                    .allSatisfy(from -> assertThat(KubernetesChecks.selected(manifests, from.getMatchLabels()))
                            .containsExactly(proxy));
            assertThat(rule.getPorts()).allSatisfy(port -> assertThat(KubernetesChecks.containerPort(
                    bridge.getSpec().getTemplate().getSpec().getContainers().get(0), port.getPort())).isNotNull());
        });
    }

    @Test
    void theChecksFindWhatTheyAreFor() {
        Part proxy = parts.get("strangler-proxy");
        assertThat(DockerfileChecks.unknownVariable("", proxy, "PROXY_PORTT")).hasSize(1);
        assertThat(DockerfileChecks.unknownVariable("", proxy, "JAVA_TOOL_OPTIONS")).isEmpty();

        String misspelt = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      livenesProbe: {httpGet: {path: /actuator/health/liveness, port: 8080}}
                """;
        HasMetadata pod = Manifests.read(new ByteArrayInputStream(misspelt.getBytes(StandardCharsets.UTF_8))).get(0);
        assertThat(Manifests.unknownFields(pod)).containsExactly("Pod/p.spec.containers[0].livenesProbe");

        JsonNode services = YAML.readTree("{legacy-monolith: {}, kafka: {}}");
        assertThat(ComposeChecks.reference("", "LEGACY_URL", "http://legacy-monolith:8080", services, parts)).hasSize(1);
        assertThat(ComposeChecks.reference("", "KIT_DB_HOST", "mysql", services, parts)).hasSize(1);
        assertThat(KubernetesChecks.reference("", "CDC_BRIDGE_URL", "http://cdc-bridge:9999", manifests)).hasSize(1);
        assertThat(ComposeChecks.interpolations("a: ${NOT_LISTED:?}", Set.of("UNUSED"))).hasSize(2);
    }

    private static List<String> kustomizationResources() throws IOException {
        List<String> resources = new ArrayList<>();
        YAML.readTree(KUBERNETES.resolve("kustomization.yaml").toFile()).path("resources")
                .forEach(resource -> resources.add(resource.asString()));
        return resources;
    }

    private static Secret exampleSecret() throws IOException {
        return (Secret) Manifests.read(KUBERNETES.resolve("kit-secrets.example.yaml")).get(0);
    }

    private static Set<String> envExampleKeys() throws IOException {
        return Files.readAllLines(COMPOSE.resolve(".env.example")).stream()
                .filter(line -> line.matches("[A-Z][A-Z0-9_]*=.*"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String rootProperty(String name) throws IOException {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(
                Files.readString(REPOSITORY.resolve("pom.xml")));
        assertThat(matcher.find()).as(name + " in the root pom").isTrue();
        return matcher.group(1).trim();
    }
}
