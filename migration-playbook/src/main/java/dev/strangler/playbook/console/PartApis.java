package dev.strangler.playbook.console;

import dev.strangler.playbook.console.login.ConsoleUser;
import dev.strangler.playbook.remote.JsonHttp;
import org.springframework.stereotype.Component;

/** The parts' APIs as the signed-in person: their token on every call, so the audit names them. */
@Component
public class PartApis {

    private final ConsoleSettings settings;

    PartApis(ConsoleSettings settings) {
        this.settings = settings;
    }

    public JsonHttp proxyAdmin(ConsoleUser user) {
        return new JsonHttp("the proxy's admin API", settings.proxyAdmin(), user.token());
    }

    public JsonHttp bridge(ConsoleUser user) {
        return new JsonHttp("the CDC bridge", settings.bridge(), user.token());
    }
}
