package dev.strangler.orderservice.replica;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.DomainEvent;
import dev.strangler.service.changefeed.LegacyRow;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.service.changefeed.UnreadableEventException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The anti-corruption layer for the member rows the order service keeps: whether each member exists and is
 * active, from TB_MEMBER's changes and from the member service's events. Deletes (soft or hard) keep the row,
 * flagged, so a replayed older event cannot bring it back.
 */
@Component
class MemberReplicaReplicator implements ReplicatedTable<MemberReplica.State> {

    private final MemberReplica members;

    MemberReplicaReplicator(MemberReplica members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "TB_MEMBER";
    }

    @Override
    public Change<MemberReplica.State> translate(ChangeEvent event) {
        LegacyRow row = event.row();
        long id = row.longValue("MBR_NO");
        boolean deleted = event.isDelete() || switch (row.text("DEL_YN")) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new UnreadableEventException("TB_MEMBER.DEL_YN has unknown flag '" + row.text("DEL_YN") + "'");
        };
        return Change.of(event, Long.toString(id), "UPD_DT", new MemberReplica.State(id, deleted, row.instant("UPD_DT")));
    }

    /** MemberRegistered, MemberUpdated, MemberDeleted: each carries the member's state after the change. */
    @Override
    public Change<MemberReplica.State> translate(DomainEvent event) {
        long id = event.longValue("id");
        return new Change<>(Long.toString(id), event.version("updatedAt"), false,
                new MemberReplica.State(id, event.flag("deleted"), event.instant("updatedAt")));
    }

    @Override
    public void write(List<Change<MemberReplica.State>> newest) {
        members.saveIfNewer(newest);
    }

    /** Replica rows outlive deletes (flagged), so their version can live in them. */
    @Override
    public boolean versionInRow() {
        return true;
    }
}
