package dev.strangler.playbook.deploy;

import dev.strangler.playbook.stack.StackDefinition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The migration console as deploy/ runs it: it reaches the proxy, the bridge and the services by their service names
 * (its own URLs and its playbook's endpoints, as the kit's code computes them from the file's environment), keeps the
 * kit's state (the journal, the playbook's progress) on a volume, and reads its playbook from a mounted directory.
 */
final class ConsoleChecks {

    /** The variable that names the console's playbook (ConsoleSettings reads it). */
    static final String PLAYBOOK = "KIT_CONSOLE_PLAYBOOK";
    /** The kit's state directory (StackLayout reads it): the journal and the playbook's progress. */
    static final String STATE = "KIT_STATE_DIR";

    private static final String CONSOLE = StackDefinition.CONSOLE;
    private static final Pattern BY_NAME = Pattern.compile("http://[a-z0-9-]+:\\d+(/.*)?");

    private ConsoleChecks() {
    }

    static List<String> compose(Path repository, JsonNode compose, Map<String, Part> parts) throws IOException {
        String where = "compose.yaml " + CONSOLE + ": ";
        JsonNode console = compose.path("services").path(CONSOLE);
        Map<String, String> environment = new HashMap<>(DockerfileChecks.environment(repository, CONSOLE));
        console.path("environment").properties().stream().filter(variable -> !variable.getValue().isNull())
                .forEach(variable -> environment.put(variable.getKey(), variable.getValue().asString()));
        Map<String, String> mounts = new HashMap<>();
        console.path("volumes").forEach(volume -> {
            String[] sourceAndTarget = volume.asString().split(":");
            mounts.put(sourceAndTarget[1], sourceAndTarget[0]);
        });
        List<String> problems = new ArrayList<>();
        String state = mounts.get(environment.get(STATE));
        if (state == null || !compose.path("volumes").has(state)) {
            problems.add(where + "keeps the kit's state in " + environment.get(STATE) + ", which is no named volume");
        }
        Path playbook = Path.of(environment.getOrDefault(PLAYBOOK, "/"));
        String source = playbook.getParent() == null ? null : mounts.get(playbook.getParent().toString());
        Path onHost = source == null ? null : repository.resolve("deploy/compose").resolve(source)
                .resolve(playbook.getFileName().toString()).normalize();
        if (onHost == null || !Files.isRegularFile(onHost)) {
            return append(problems, where + PLAYBOOK + " " + playbook + " is in no directory mounted from this checkout");
        }
        environment.put(PLAYBOOK, onHost.toString());
        JsonNode services = compose.path("services");
        problems.addAll(byName(where, repository, environment,
                (what, url) -> ComposeChecks.reference(where, what, url, services, parts)));
        return problems;
    }

    static List<String> kubernetes(Path repository, List<HasMetadata> resources) throws IOException {
        String where = "Deployment " + CONSOLE + ": ";
        Deployment deployment = KubernetesChecks.named(resources, Deployment.class, CONSOLE).orElseThrow();
        Map<String, String> environment = new HashMap<>(DockerfileChecks.environment(repository, CONSOLE));
        environment.putAll(KubernetesChecks.environment(deployment, resources));
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Volume> volumes = new HashMap<>();
        deployment.getSpec().getTemplate().getSpec().getVolumes().forEach(volume -> volumes.put(volume.getName(), volume));
        Map<String, Volume> mounts = new HashMap<>();
        container.getVolumeMounts().forEach(mount -> mounts.put(mount.getMountPath(), volumes.get(mount.getName())));
        List<String> problems = new ArrayList<>();
        Volume state = mounts.get(environment.get(STATE));
        if (state == null || state.getPersistentVolumeClaim() == null || KubernetesChecks.named(resources,
                PersistentVolumeClaim.class, state.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
            problems.add(where + "keeps the kit's state in " + environment.get(STATE) + ", which is no claimed volume");
        }
        Path playbook = Path.of(environment.getOrDefault(PLAYBOOK, "/"));
        Volume directory = playbook.getParent() == null ? null : mounts.get(playbook.getParent().toString());
        if (directory == null || directory.getConfigMap() == null) {
            return append(problems, where + PLAYBOOK + " " + playbook + " is in no directory mounted from a ConfigMap");
        }
        // The ConfigMap is made from the demo's playbook (README), as compose mounts it.
        environment.put(PLAYBOOK, ConsolePart.demoPlaybook(repository).toString());
        problems.addAll(byName(where, repository, environment,
                (what, url) -> KubernetesChecks.reference(where, what, url, resources)));
        return problems;
    }

    /** Every URL the console calls names a service, on a port it serves; none is the loopback default. */
    private static List<String> byName(String where, Path repository, Map<String, String> environment,
                                       BiFunction<String, String, List<String>> reference) {
        List<String> problems = new ArrayList<>();
        ConsolePart.urls(repository, environment).forEach((what, url) -> {
            if (url == null || !BY_NAME.matcher(url).matches()) {
                problems.add(where + what + " is " + url + ", not a service by its name");
            } else {
                problems.addAll(reference.apply(what, url));
            }
        });
        return problems;
    }

    private static List<String> append(List<String> problems, String problem) {
        problems.add(problem);
        return problems;
    }
}
