package dev.strangler.memberservice.member.replication;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.memberservice.member.Member;
import dev.strangler.memberservice.member.persistence.MemberRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * TB_MEMBER into MEMBER: translate, then upsert every row of a batch at once, each only where the change is newer than
 * the row. A hard delete (which the monolith never does, but a DBA might) is applied as a soft delete: the login id
 * must stay taken.
 */
@Component
class LegacyMemberReplicator implements ReplicatedTable<Member> {

    private final MemberRepository members;

    LegacyMemberReplicator(MemberRepository members) {
        this.members = members;
    }

    @Override
    public String name() {
        return LegacyMemberTranslator.TABLE;
    }

    @Override
    public Change<Member> translate(ChangeEvent event) {
        Member member = LegacyMemberTranslator.member(event.row());
        return Change.of(event, Long.toString(member.id()), LegacyMemberTranslator.VERSION,
                event.isDelete() ? member.asDeleted(member.updatedAt()) : member);
    }

    @Override
    public void write(List<Change<Member>> newest) {
        members.saveIfNewer(newest);
    }

    /** A member row outlives its delete (a soft delete), so its version can live in it. */
    @Override
    public boolean versionInRow() {
        return true;
    }
}
