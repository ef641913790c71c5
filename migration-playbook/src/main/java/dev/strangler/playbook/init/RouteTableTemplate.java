package dev.strangler.playbook.init;

/**
 * {@code proxy-routes.yml}: the proxy's route table with a read and a write route per prefix, every one on the
 * monolith (LEGACY) until the playbook flips it, and everything else passed through to the monolith.
 */
final class RouteTableTemplate {

    private RouteTableTemplate() {
    }

    static String render(StarterPlan plan) {
        String extracted = "${" + plan.serviceUrlVariable() + ":http://127.0.0.1:8085}";
        StringBuilder yaml = new StringBuilder()
                .append("# Written by 'kit init': the proxy's route table (strangler.proxy.routes) for the ")
                .append(plan.service()).append(" service.\n")
                .append("# Rows match in order, the first wins: put narrower prefixes first. Reads and writes are"
                        + " separate routes, so\n# reads move through SHADOW and CANARY while writes stay with the"
                        + " monolith until the write cut-over.\n# The keys below assume URLs such as PREFIX/{id}:"
                        + " change them to the API's own.\nstrangler:\n  proxy:\n    routes:\n");
        for (RoutePrefix route : plan.routes()) {
            String paths = "[" + route.prefix() + ", " + route.prefix() + "/**]";
            String byId = route.prefix() + "/{id}/**";
            route(yaml, route.readRoute(), paths, "[GET]", extracted)
                    .append("        canary:\n")
                    .append("          sticky-keys: [\"path:").append(byId).append("\"]\n")
                    .append("        consistency:\n")
                    .append("          keys: [\"").append(route.id()).append("=path:").append(byId).append("\"]\n")
                    .append("          unkeyed: [").append(route.id()).append("]\n");
            route(yaml, route.writeRoute(), paths, "[POST, PUT, PATCH, DELETE]", extracted)
                    .append("        consistency:\n")
                    .append("          keys: [\"").append(route.id()).append("=path:").append(byId).append("\", \"")
                    .append(route.id()).append("=location:").append(route.prefix()).append("/{id}\"]\n");
        }
        yaml.append("      - name: legacy-passthrough\n")
                .append("        paths: [/**]\n")
                .append("        legacy-uri: ${LEGACY_URL:http://127.0.0.1:8081}\n");
        return yaml.toString();
    }

    /** A row's match and sides; every row starts on the monolith. */
    private static StringBuilder route(StringBuilder yaml, String name, String paths, String methods, String extracted) {
        return yaml.append("      - name: ").append(name).append('\n')
                .append("        paths: ").append(paths).append('\n')
                .append("        methods: ").append(methods).append('\n')
                .append("        legacy-uri: ${LEGACY_URL:http://127.0.0.1:8081}\n")
                .append("        extracted-uri: ").append(extracted).append('\n')
                .append("        mode: LEGACY\n");
    }
}
