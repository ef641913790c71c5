package dev.strangler.playbook.console.playbook;

import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Consumer;

/** Collects what a running step prints and hands the text so far to the page's view of the job at each flush. */
final class LiveWriter extends Writer {

    private final StringWriter text;
    private final Consumer<String> onFlush;

    LiveWriter(StringWriter text, Consumer<String> onFlush) {
        this.text = text;
        this.onFlush = onFlush;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        text.write(buffer, offset, length);
    }

    @Override
    public synchronized void flush() {
        onFlush.accept(text.toString());
    }

    @Override
    public void close() {
        flush();
    }
}
