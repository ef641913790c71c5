package dev.strangler.playbook.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes manifests read into fabric8's typed model, as the API server would read them. The model keeps a field
 * it does not know ({@code livenesProbe}) in {@code additionalProperties} instead of failing, so those are looked
 * for too: a misspelt field would be dropped by the server without a word.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    static List<HasMetadata> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static List<HasMetadata> read(InputStream in) {
        Object parsed = SERIALIZATION.unmarshal(in);
        List<HasMetadata> resources = new ArrayList<>();
        for (Object resource : parsed instanceof List<?> list ? list : List.of(parsed)) {
            if (resource instanceof HasMetadata typed) {
                resources.add(typed);
            } else {
                throw new IllegalArgumentException("not a Kubernetes resource: " + resource);
            }
        }
        return resources;
    }

    /** The paths of fields the model did not recognise, e.g. {@code Deployment/x.spec.template.spec.livenesProbe}. */
    static List<String> unknownFields(HasMetadata resource) {
        List<String> found = new ArrayList<>();
        walk(resource, resource.getKind() + "/" + resource.getMetadata().getName(), found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, found));
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() > 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object property = invoke(getter, value);
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (name.equals("additionalProperties")) {
                ((Map<?, ?>) property).keySet().forEach(key -> found.add(path + "." + key));
            } else {
                walk(property, path + "." + name, found);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }
}
