package dev.strangler.playbook;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates the commands, handing the {@link KitContext} to those that take it in their constructor. */
final class KitFactory implements CommandLine.IFactory {

    private final KitContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    KitFactory(KitContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(KitContext.class);
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException noContext) {
            return fallback.create(type);
        }
    }
}
