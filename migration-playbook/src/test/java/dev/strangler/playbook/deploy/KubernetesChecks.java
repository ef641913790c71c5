package dev.strangler.playbook.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretEnvSource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Deployments, ConfigMaps and Services of deploy/kubernetes against the parts: one Deployment per part, running
 * the part's image with its ports, probes on its health groups, resources, and only variables it reads (from its
 * ConfigMap, kit-secrets, or an optional Secret of the example file); every Service selects a Deployment and targets
 * a port it declares; every URL names a Service and one of its ports.
 */
final class KubernetesChecks {

    private static final Pattern URL = Pattern.compile("http://([a-z0-9-]+):(\\d+).*");

    private KubernetesChecks() {
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> resources, Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> Optional<T> named(List<HasMetadata> resources, Class<T> kind, String name) {
        return ofKind(resources, kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    /**
     * @param secrets the keys of each Secret of kit-secrets.example.yaml, by name: kit-secrets, which every
     *                Deployment may read keys of, and the optional ones a part takes whole ({@code envFrom})
     */
    static List<String> deployments(Path repository, List<HasMetadata> resources, Map<String, Part> parts,
                                    Map<String, Set<String>> secrets) {
        List<String> problems = new ArrayList<>();
        for (Part part : parts.values()) {
            Optional<Deployment> deployment = named(resources, Deployment.class, part.name());
            if (deployment.isEmpty()) {
                problems.add("no Deployment " + part.name());
                continue;
            }
            String where = "Deployment " + part.name() + ": ";
            var spec = deployment.get().getSpec();
            if (!spec.getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(spec.getSelector().getMatchLabels().entrySet())) {
                problems.add(where + "its selector does not match its own pods' labels");
            }
            for (Container container : spec.getTemplate().getSpec().getContainers()) {
                problems.addAll(container(repository, where, container, part, resources, secrets));
            }
        }
        return problems;
    }

    private static List<String> container(Path repository, String where, Container container, Part part,
                                          List<HasMetadata> resources, Map<String, Set<String>> secrets) {
        List<String> problems = new ArrayList<>();
        if (!container.getImage().startsWith(ComposeChecks.IMAGE_PREFIX + part.name() + ":")
                || !DockerfileChecks.dockerfile(repository, part.name()).toFile().exists()) {
            problems.add(where + "runs " + container.getImage() + ", not the image of deploy/docker/" + part.name());
        }
        Set<Integer> declared = new java.util.TreeSet<>(container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        if (!declared.equals(part.ports())) {
            problems.add(where + "declares ports " + declared + ", but the part listens on " + part.ports());
        }
        problems.addAll(probe(where + "liveness ", container.getLivenessProbe(), container, part, part.livenessPath()));
        problems.addAll(probe(where + "readiness ", container.getReadinessProbe(), container, part, part.readinessPath()));
        problems.addAll(probe(where + "startup ", container.getStartupProbe(), container, part, part.livenessPath()));
        var resourcesOf = container.getResources();
        if (resourcesOf == null || !resourcesOf.getRequests().keySet().containsAll(List.of("cpu", "memory"))
                || !resourcesOf.getLimits().containsKey("memory")) {
            problems.add(where + "needs cpu and memory requests and a memory limit");
        }
        for (EnvVar variable : container.getEnv()) {
            problems.addAll(DockerfileChecks.unknownVariable(where, part, variable.getName()));
            var secret = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
            if (secret != null && !secrets.getOrDefault(secret.getName(), Set.of()).contains(secret.getKey())) {
                problems.add(where + variable.getName() + " reads " + secret.getName() + "/" + secret.getKey()
                        + ", which kit-secrets.example.yaml does not have");
            }
            if (variable.getValue() != null) {
                problems.addAll(reference(where, variable.getName(), variable.getValue(), resources));
            }
        }
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getSecretRef() != null) {
                problems.addAll(optionalSecret(where, source.getSecretRef(), part, secrets));
                continue;
            }
            String name = source.getConfigMapRef() == null ? null : source.getConfigMapRef().getName();
            Optional<ConfigMap> configMap = name == null ? Optional.empty() : named(resources, ConfigMap.class, name);
            if (configMap.isEmpty()) {
                problems.add(where + "takes its environment from a ConfigMap that is not there: " + name);
                continue;
            }
            configMap.get().getData().forEach((variable, value) -> {
                problems.addAll(DockerfileChecks.unknownVariable("ConfigMap " + name + ": ", part, variable));
                problems.addAll(reference("ConfigMap " + name + ": ", variable, value, resources));
            });
        }
        return problems;
    }

    /** A Secret taken whole: optional (the part runs without it), shown in the example file, with keys it reads. */
    private static List<String> optionalSecret(String where, SecretEnvSource secret, Part part,
                                               Map<String, Set<String>> secrets) {
        if (!Boolean.TRUE.equals(secret.getOptional()) || !secrets.containsKey(secret.getName())) {
            return List.of(where + "takes the whole Secret " + secret.getName() + ", which is not an optional one "
                    + "of kit-secrets.example.yaml");
        }
        List<String> problems = new ArrayList<>();
        secrets.get(secret.getName()).forEach(key ->
                problems.addAll(DockerfileChecks.unknownVariable("Secret " + secret.getName() + ": ", part, key)));
        return problems;
    }

    /** The variables a Deployment's container sets to a value: its ConfigMaps' and its own literal ones. */
    static Map<String, String> environment(Deployment deployment, List<HasMetadata> resources) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> environment = new LinkedHashMap<>();
        container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                .flatMap(source -> named(resources, ConfigMap.class, source.getConfigMapRef().getName()).stream())
                .forEach(configMap -> environment.putAll(configMap.getData()));
        container.getEnv().stream().filter(variable -> variable.getValue() != null)
                .forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        return environment;
    }

    private static List<String> probe(String where, Probe probe, Container container, Part part, String path) {
        if (probe == null || probe.getHttpGet() == null) {
            return List.of(where + "probe missing");
        }
        List<String> problems = new ArrayList<>();
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + "probe asks " + probe.getHttpGet().getPath() + ", not " + path);
        }
        Integer port = containerPort(container, probe.getHttpGet().getPort());
        if (port == null || port != part.actuatorPort()) {
            problems.add(where + "probe is on port " + port + ", but actuator is on " + part.actuatorPort());
        }
        return problems;
    }

    /** A port by number or by name, as a probe or a Service's targetPort gives it; null if the container has none. */
    static Integer containerPort(Container container, IntOrString port) {
        for (ContainerPort declared : container.getPorts()) {
            if (port.getIntVal() != null ? port.getIntVal().equals(declared.getContainerPort())
                    : port.getStrVal().equals(declared.getName())) {
                return declared.getContainerPort();
            }
        }
        return null;
    }

    static List<String> services(List<HasMetadata> resources) {
        List<String> problems = new ArrayList<>();
        for (Service service : ofKind(resources, Service.class)) {
            String where = "Service " + service.getMetadata().getName() + ": ";
            List<Deployment> selected = selected(resources, service.getSpec().getSelector());
            if (selected.size() != 1) {
                problems.add(where + "selects " + selected.size() + " Deployments, not one");
                continue;
            }
            Container container = selected.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
            for (ServicePort port : service.getSpec().getPorts()) {
                if (containerPort(container, port.getTargetPort()) == null) {
                    problems.add(where + "targets " + port.getTargetPort().getValue() + ", which "
                            + selected.get(0).getMetadata().getName() + " does not declare");
                }
            }
        }
        return problems;
    }

    static List<Deployment> selected(List<HasMetadata> resources, Map<String, String> selector) {
        return ofKind(resources, Deployment.class).stream().filter(deployment -> selector != null && !selector.isEmpty()
                && deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    /** A URL in a part's settings must name a Service, on a port that Service has. */
    static List<String> reference(String where, String variable, String value, List<HasMetadata> resources) {
        Matcher url = URL.matcher(value);
        if (!url.matches()) {
            return List.of();
        }
        Optional<Service> service = named(resources, Service.class, url.group(1));
        int port = Integer.parseInt(url.group(2));
        if (service.isEmpty() || service.get().getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
            return List.of(where + variable + " calls " + url.group(1) + ":" + port + ", which no Service serves");
        }
        return List.of();
    }
}
