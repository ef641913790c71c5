package dev.strangler.playbook.compare;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal, redrawn in place:
 * {@code TB_MEMBER [##########..........]  50%  500,000 of 1,000,000 rows}.
 */
final class ProgressBar implements ReconciliationProgress {

    private static final int WIDTH = 30;

    private final PrintStream terminal;
    private int lastLength;

    ProgressBar(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public void rows(String table, long done, long total) {
        String line = line(table, done, total);
        terminal.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        terminal.flush();
        lastLength = line.length();
    }

    /** Wipes the bar, so the report that follows starts on a clean line. */
    void clear() {
        terminal.print("\r" + " ".repeat(lastLength) + "\r");
        terminal.flush();
        lastLength = 0;
    }

    /** Rows written after the count (a live table) keep the bar at 100 %, never past it. */
    static String line(String table, long done, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        return String.format("%s [%s%s] %3d%%  %,d of %,d rows", table, "#".repeat(filled), ".".repeat(WIDTH - filled),
                percent, done, Math.max(done, total));
    }
}
