package dev.strangler.playbook.dlt;

import dev.strangler.playbook.KitException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a dead letter is, as the CLI prints and takes it: {@code legacy.member.dlt/0@12}. */
record DeadLetterId(String topic, int partition, long offset) {

    private static final Pattern FORM = Pattern.compile("(?<topic>[A-Za-z0-9._-]+)/(?<partition>\\d+)@(?<offset>\\d+)");

    static DeadLetterId parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw KitException.configuration("'" + text + "' is not a dead letter's id: expected <topic>/<partition>@"
                    + "<offset>, as 'kit dlt list' prints it (for example legacy.member.dlt/0@12)");
        }
        try {
            return new DeadLetterId(matcher.group("topic"), Integer.parseInt(matcher.group("partition")),
                    Long.parseLong(matcher.group("offset")));
        } catch (NumberFormatException e) {
            throw KitException.configuration("'" + text + "': partition or offset out of range");
        }
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
