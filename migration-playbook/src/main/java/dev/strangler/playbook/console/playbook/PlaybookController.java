package dev.strangler.playbook.console.playbook;

import dev.strangler.playbook.console.login.ConsoleUser;
import dev.strangler.playbook.plan.Step;
import dev.strangler.playbook.run.JournalEntry;
import dev.strangler.playbook.run.PlaybookSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The playbook page: the steps and where it stands, the next step's gates, run and roll back, the journal. */
@Controller
class PlaybookController {

    private static final int JOURNAL_SHOWN = 40;

    private final PlaybookJobs jobs;

    PlaybookController(PlaybookJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/playbook")
    String playbook(@RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, Model model,
                    @RequestHeader(value = "X-Console-Live", required = false) String live) {
        PlaybookSession session = jobs.open(user);
        Map<String, String> applied = session.runner().applied().stream()
                .collect(Collectors.toMap(entry -> entry.step(), entry -> entry.at().toString(), (a, b) -> b));
        String next = session.runner().nextStep().map(Step::id).orElse(null);
        List<StepRow> steps = session.playbook().steps().stream().map(step -> new StepRow(step.id(), step.title(),
                applied.containsKey(step.id()) ? "applied" : step.id().equals(next) ? "next" : "pending",
                applied.get(step.id()))).toList();
        List<JournalEntry> journal = new ArrayList<>(session.journalEntries());
        Collections.reverse(journal);
        model.addAttribute("name", session.playbook().name());
        model.addAttribute("steps", steps);
        model.addAttribute("next", next);
        model.addAttribute("canRollBack", !applied.isEmpty());
        model.addAttribute("preview", jobs.preview(user));
        model.addAttribute("job", jobs.latest());
        model.addAttribute("journal", journal.subList(0, Math.min(JOURNAL_SHOWN, journal.size())));
        model.addAttribute("page", "playbook");
        return live != null ? "playbook :: live" : "playbook";
    }

    @PostMapping("/playbook/next")
    String next(@RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, RedirectAttributes redirect) {
        return start(user, redirect, "run the next step", () -> jobs.runNext(user));
    }

    @PostMapping("/playbook/rollback")
    String rollback(@RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, RedirectAttributes redirect) {
        return start(user, redirect, "roll back the last step", () -> jobs.rollBack(user));
    }

    private static String start(ConsoleUser user, RedirectAttributes redirect, String what,
                                BooleanSupplier started) {
        if (!user.operator()) {
            redirect.addFlashAttribute("error", "To " + what + " needs an operator token; '" + user.name()
                    + "' is a viewer. Nothing was changed.");
        } else if (!started.getAsBoolean()) {
            redirect.addFlashAttribute("error", "A playbook job is already running; wait for it to finish.");
        } else {
            redirect.addFlashAttribute("notice", "Started: " + what + ". Its output and evidence appear below.");
        }
        return "redirect:/playbook";
    }
}
