package dev.strangler.playbook.console.playbook;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.check.Evidence;
import dev.strangler.playbook.console.ConsoleSettings;
import dev.strangler.playbook.console.login.ConsoleUser;
import dev.strangler.playbook.run.PlaybookSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The playbook as the console runs it: one step (or one rollback) at a time, in the background, with what it
 * printed kept for the page; and a look at the next step's gates, measured at most every few seconds. Each run
 * opens the playbook afresh, so what the command line did in between is seen.
 */
@Component
public class PlaybookJobs implements AutoCloseable {

    /**
     * The latest job.
     *
     * @param what     "run next step" or "roll back last step"
     * @param by       the token's name that started it
     * @param started  when
     * @param finished when, or null while it runs
     * @param failure  why it failed, or null
     * @param output   what it printed so far
     */
    public record Job(String what, String by, Instant started, Instant finished, String failure, String output) {

        public boolean running() {
            return finished == null;
        }
    }

    /** The next step's gates as last measured. */
    public record GatePreview(String step, Instant at, List<Evidence> gates) {
    }

    private static final Duration PREVIEW_AGE = Duration.ofSeconds(10);

    private final KitContext kit;
    private final ConsoleSettings settings;
    private final AtomicReference<Job> latest = new AtomicReference<>();
    private final AtomicReference<GatePreview> preview = new AtomicReference<>();
    private final ExecutorService worker = daemon("console-playbook");
    private final ExecutorService previewer = daemon("console-gates");
    private volatile boolean previewing;

    PlaybookJobs(KitContext kit, ConsoleSettings settings) {
        this.kit = kit;
        this.settings = settings;
    }

    /** The playbook as it stands, opened with the reader's token (reading needs no more). */
    public PlaybookSession open(ConsoleUser user) {
        return PlaybookSession.open(kit, settings.playbook(), new PrintWriter(Writer.nullWriter()), user.token());
    }

    public Job latest() {
        return latest.get();
    }

    /** @return false when a job is already running */
    public synchronized boolean runNext(ConsoleUser user) {
        return start("run next step", user, session -> session.runner().next());
    }

    /** @return false when a job is already running */
    public synchronized boolean rollBack(ConsoleUser user) {
        return start("roll back last step", user, session -> session.runner().rollback());
    }

    /** The next step's gates, measured again in the background once the last look is older than a few seconds. */
    public GatePreview preview(ConsoleUser user) {
        GatePreview last = preview.get();
        boolean stale = last == null || last.at().isBefore(Instant.now().minus(PREVIEW_AGE));
        Job job = latest.get();
        if (stale && !previewing && (job == null || !job.running())) {
            previewing = true;
            previewer.execute(() -> {
                try {
                    PlaybookSession session = open(user);
                    preview.set(new GatePreview(session.runner().nextStep().map(step -> step.id()).orElse(null),
                            Instant.now(), session.runner().previewNextGates()));
                } catch (RuntimeException e) {
                    preview.set(new GatePreview(null, Instant.now(), List.of(new Evidence("the gates",
                            Evidence.Verdict.PENDING, Map.of(), e.getMessage()))));
                } finally {
                    previewing = false;
                }
            });
        }
        return last;
    }

    private boolean start(String what, ConsoleUser user, Consumer<PlaybookSession> action) {
        Job current = latest.get();
        if (current != null && current.running()) {
            return false;
        }
        Instant started = Instant.now();
        StringWriter output = new StringWriter();
        latest.set(new Job(what, user.name(), started, null, null, ""));
        preview.set(null);
        worker.execute(() -> {
            PrintWriter out = new PrintWriter(new LiveWriter(output, text ->
                    latest.set(new Job(what, user.name(), started, null, null, text))), true);
            String failure = null;
            try {
                action.accept(PlaybookSession.open(kit, settings.playbook(), out, user.token()));
            } catch (RuntimeException e) {
                failure = e.getMessage() != null ? e.getMessage() : e.toString();
            }
            out.flush();
            latest.set(new Job(what, user.name(), started, Instant.now(), failure, output.toString()));
            preview.set(null);
        });
        return true;
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
        previewer.shutdownNow();
    }
}
