package dev.strangler.playbook.console.data;

import dev.strangler.playbook.console.ConsoleSettings;
import dev.strangler.playbook.console.PartApis;
import dev.strangler.playbook.console.login.ConsoleUser;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data page: CDC lag over time, the services' consumer lag and dead letters, reconciliations and repairs. */
@Controller
class DataController {

    private final LagHistory lag;
    private final Reconciliations reconciliations;
    private final ConsoleSettings settings;
    private final PartApis apis;

    DataController(LagHistory lag, Reconciliations reconciliations, ConsoleSettings settings, PartApis apis) {
        this.lag = lag;
        this.reconciliations = reconciliations;
        this.settings = settings;
        this.apis = apis;
    }

    @GetMapping("/data")
    String data(Model model, @RequestHeader(value = "X-Console-Live", required = false) String live) {
        List<LagHistory.Sample> samples = lag.samples();
        model.addAttribute("chart", LagChart.svg(samples));
        model.addAttribute("currentLag", samples.isEmpty() ? Map.of() : samples.get(samples.size() - 1).lagByTable());
        model.addAttribute("services", new TreeMap<>(settings.services()).entrySet().stream()
                .map(service -> ServiceFigures.of(service.getKey(), service.getValue())).toList());
        model.addAttribute("contexts", reconciliations.contexts());
        model.addAttribute("runs", reconciliations.latest());
        model.addAttribute("page", "data");
        return live != null ? "data :: live" : "data";
    }

    @PostMapping("/data/{context}/reconcile")
    String reconcile(@PathVariable String context, RedirectAttributes redirect) {
        return start(context, false, null, redirect);
    }

    @PostMapping("/data/{context}/repair")
    String repair(@PathVariable String context, @RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user,
                  RedirectAttributes redirect) {
        if (!user.operator()) {
            redirect.addFlashAttribute("error", "A repair re-sends rows through the CDC bridge: it needs an operator "
                    + "token, and '" + user.name() + "' is a viewer. Nothing was changed.");
            return "redirect:/data";
        }
        return start(context, true, user, redirect);
    }

    private String start(String context, boolean repair, ConsoleUser user, RedirectAttributes redirect) {
        if (!reconciliations.contexts().contains(context)) {
            redirect.addFlashAttribute("error", "The playbook has no context '" + context + "'.");
        } else if (reconciliations.start(context, repair ? apis.bridge(user) : null)) {
            redirect.addFlashAttribute("notice", (repair ? "Repairing " : "Reconciling ") + context
                    + "; the result appears below when it is done.");
        } else {
            redirect.addFlashAttribute("error", "A reconciliation of " + context + " is already running.");
        }
        return "redirect:/data";
    }
}
