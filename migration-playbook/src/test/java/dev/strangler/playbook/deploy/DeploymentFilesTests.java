package dev.strangler.playbook.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.mariadb.DatabaseBootstrap;
import dev.strangler.playbook.stack.StackDefinition;
import io.fabric8.kubernetes.api.model.EnvFromSource;
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
import java.util.Objects;
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
 * Kubernetes model, Jackson for compose) and checked against the code they deploy: the variables each part reads
 * (its application.yml's, Boot's Kafka security settings, the console's from the kit's code), the ports and health
 * groups it serves, the artifact each pom packages.
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
        parts.put(StackDefinition.CONSOLE, ConsolePart.read(REPOSITORY));
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
        problems.addAll(ComposeChecks.passThroughs(compose, envExampleKeys("# "), parts));
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
        exampleSecrets().forEach(secret -> unknown.addAll(Manifests.unknownFields(secret)));
        assertThat(unknown).isEmpty();
    }

    @Test
    void deploymentsAndServicesLineUpWithTheParts() throws IOException {
        Map<String, Set<String>> secrets = exampleSecrets().stream().collect(Collectors.toMap(
                secret -> secret.getMetadata().getName(), secret -> secret.getStringData().keySet()));
        List<String> problems = new ArrayList<>(KubernetesChecks.deployments(REPOSITORY, manifests, parts, secrets));
        problems.addAll(KubernetesChecks.services(manifests));
        assertThat(problems).isEmpty();
        assertThat(secrets.get("kit-secrets")).isSubsetOf(envExampleKeys());
    }

    @Test
    void everyKafkaClientTakesCredentialsOfItsOwnOnKubernetes() {
        List<Part> kafkaClients = parts.values().stream().filter(part -> part.reads("SPRING_KAFKA_SECURITY_PROTOCOL"))
                .toList();
        assertThat(kafkaClients).extracting(Part::name).containsExactlyInAnyOrder("strangler-proxy", "cdc-bridge",
                "extracted-member-service", "extracted-order-service");
        // Each its own Secret, so each has a principal the ACLs can tell apart; optional, for a PLAINTEXT cluster.
        assertThat(kafkaClients).allSatisfy(part -> assertThat(KubernetesChecks.named(manifests, Deployment.class,
                        part.name()).orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom())
                .extracting(EnvFromSource::getSecretRef).filteredOn(Objects::nonNull).anySatisfy(secret -> {
                    assertThat(secret.getName()).isEqualTo(part.name() + "-kafka");
                    assertThat(secret.getOptional()).isTrue();
                }));
    }

    @Test
    void thePartsThatCreateChangeTopicsAgreeOnTheirPartitions() {
        String variable = "KIT_CHANGE_TOPIC_PARTITIONS";
        List<Part> creators = parts.values().stream().filter(part -> part.reads(variable)).toList();
        assertThat(creators).extracting(Part::name).contains("cdc-bridge", "extracted-member-service");
        // A topic with fewer partitions than the bridge's setting stops it: every creator must say the same.
        JsonNode services = YAML.readTree(COMPOSE.resolve("compose.yaml").toFile()).path("services");
        assertThat(creators).extracting(part -> services.path(part.name()).path("environment").path(variable)
                .asString(null)).doesNotContainNull().containsOnly(services.path("cdc-bridge")
                .path("environment").path(variable).asString());
        Map<String, Deployment> deployments = creators.stream().collect(Collectors.toMap(Part::name,
                part -> KubernetesChecks.named(manifests, Deployment.class, part.name()).orElseThrow()));
        Set<String> values = deployments.values().stream()
                .map(deployment -> KubernetesChecks.environment(deployment, manifests).get(variable))
                .collect(Collectors.toSet());
        assertThat(values).as(variable + " of " + deployments.keySet()).hasSize(1).doesNotContainNull();
        // Replicas beyond the partitions would receive nothing.
        assertThat(deployments.values()).allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas())
                .isLessThanOrEqualTo(Integer.valueOf(values.iterator().next())));
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

        // One bridge (two would publish every change twice), one console (a step runs in its process).
        Deployment bridge = KubernetesChecks.named(manifests, Deployment.class, "cdc-bridge").orElseThrow();
        Deployment console = KubernetesChecks.named(manifests, Deployment.class, StackDefinition.CONSOLE).orElseThrow();
        assertThat(List.of(bridge, console)).allSatisfy(once -> {
            assertThat(once.getSpec().getReplicas()).isEqualTo(1);
            assertThat(once.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        });
        // The bridge's operations API: the proxy (barriers) and the console (the playbook's drains, repairs).
        NetworkPolicy policy = KubernetesChecks.named(manifests, NetworkPolicy.class, "cdc-bridge").orElseThrow();
        assertThat(KubernetesChecks.selected(manifests, policy.getSpec().getPodSelector().getMatchLabels()))
                .containsExactly(bridge);
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> {
            assertThat(rule.getFrom()).extracting(NetworkPolicyPeer::getPodSelector)
                    .flatExtracting(from -> KubernetesChecks.selected(manifests, from.getMatchLabels()))
                    .containsExactlyInAnyOrder(proxy, console);
            assertThat(rule.getPorts()).allSatisfy(port -> assertThat(KubernetesChecks.containerPort(
                    bridge.getSpec().getTemplate().getSpec().getContainers().get(0), port.getPort())).isNotNull());
        });
    }

    @Test
    void theConsoleReachesThePartsByNameAndKeepsItsJournalOnAVolume() throws IOException {
        Part console = parts.get(StackDefinition.CONSOLE);
        assertThat(console.reads(ConsoleChecks.PLAYBOOK)).isTrue();
        assertThat(console.reads(ConsoleChecks.STATE)).isTrue();
        JsonNode compose = YAML.readTree(COMPOSE.resolve("compose.yaml").toFile());
        List<String> problems = new ArrayList<>(ConsoleChecks.compose(REPOSITORY, compose, parts));
        problems.addAll(ConsoleChecks.kubernetes(REPOSITORY, manifests));
        assertThat(problems).isEmpty();
    }

    @Test
    void theChecksFindWhatTheyAreFor() {
        Part proxy = parts.get("strangler-proxy");
        assertThat(DockerfileChecks.unknownVariable("", proxy, "PROXY_PORTT")).hasSize(1);
        assertThat(DockerfileChecks.unknownVariable("", proxy, "JAVA_TOOL_OPTIONS")).isEmpty();
        assertThat(DockerfileChecks.unknownVariable("", proxy, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isEmpty();
        assertThat(DockerfileChecks.unknownVariable("", proxy, "SPRING_KAFKA_SASL_JAAS_CONFIG")).hasSize(1);
        assertThat(DockerfileChecks.unknownVariable("", parts.get("legacy-monolith"), "SPRING_KAFKA_SECURITY_PROTOCOL"))
                .hasSize(1);
        // The console: its settings, the kit's, its playbook's; not the admin token (a login brings a token).
        Part console = parts.get(StackDefinition.CONSOLE);
        assertThat(List.of("KIT_CONSOLE_PORT", "KIT_STATE_DIR", "PROXY_ADMIN_URL", "MEMBER_SERVICE_URL", "KIT_DB_HOST",
                "ORDER_DB_PASSWORD", "KIT_MIN_SAMPLE")).allSatisfy(variable -> assertThat(console.reads(variable))
                .as(variable).isTrue());
        assertThat(List.of("PROXY_ADMIN_TOKEN", "KIT_CONSOLE_PORTT", "CDC_DB_PASSWORD", "KIT_KAFKA_BOOTSTRAP",
                "SPRING_KAFKA_SECURITY_PROTOCOL")).allSatisfy(variable -> assertThat(console.reads(variable))
                .as(variable).isFalse());
        assertThat(ComposeChecks.passThroughs(YAML.readTree("{services: {cdc-bridge: {environment: {A: null}}}}"),
                Set.of("SPRING_KAFKA_SECURITY_PROTOCOL"), parts)).hasSize(3);

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

    /** kit-secrets first, then the optional Secrets a part takes whole. */
    private static List<Secret> exampleSecrets() throws IOException {
        return Manifests.read(KUBERNETES.resolve("kit-secrets.example.yaml")).stream().map(Secret.class::cast).toList();
    }

    private static Set<String> envExampleKeys() throws IOException {
        return envExampleKeys("");
    }

    /** The variables of .env.example's lines {@code <prefix>NAME=value}: "# " for the optional, commented ones. */
    private static Set<String> envExampleKeys(String prefix) throws IOException {
        return Files.readAllLines(COMPOSE.resolve(".env.example")).stream()
                .filter(line -> line.startsWith(prefix) && line.substring(prefix.length()).matches("[A-Z][A-Z0-9_]*=.*"))
                .map(line -> line.substring(prefix.length(), line.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String rootProperty(String name) throws IOException {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(
                Files.readString(REPOSITORY.resolve("pom.xml")));
        assertThat(matcher.find()).as(name + " in the root pom").isTrue();
        return matcher.group(1).trim();
    }
}
