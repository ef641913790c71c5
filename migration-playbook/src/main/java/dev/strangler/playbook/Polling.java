package dev.strangler.playbook;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Measuring a live system again and again until a condition holds or time is up, honouring interrupts. */
public final class Polling {

    private Polling() {
    }

    /**
     * Measures, then measures again every {@code interval} until {@code done} holds or {@code within} has passed;
     * returns the last measurement (so a caller can report why it did not hold).
     */
    public static <T> T until(Duration within, Duration interval, Supplier<T> measure, Predicate<T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = measure.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            pause(interval);
            last = measure.get();
        }
        return last;
    }

    /** Waits between two measurements; an interrupt (Ctrl-C) ends the command. */
    public static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitException(KitException.CHECK_FAILED, "interrupted");
        }
    }
}
