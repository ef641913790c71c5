package dev.strangler.memberservice.member.replication;

import dev.strangler.memberservice.changefeed.ChangeEvent;
import dev.strangler.memberservice.changefeed.SourceVersion;
import dev.strangler.memberservice.changefeed.VersionGuard;
import dev.strangler.memberservice.member.Member;
import dev.strangler.memberservice.member.persistence.MemberRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one TB_MEMBER change: translate, check the version, upsert, in one transaction. A hard delete (which
 * the monolith never does, but a DBA might) is applied as a soft delete: the login id must stay taken.
 */
@Component
class LegacyMemberReplicator {

    private static final Logger log = LoggerFactory.getLogger(LegacyMemberReplicator.class);

    private final MemberRepository members;
    private final VersionGuard versions;

    LegacyMemberReplicator(MemberRepository members, VersionGuard versions) {
        this.members = members;
        this.versions = versions;
    }

    @Transactional
    public void apply(ChangeEvent event) {
        // Translated before anything is written: an unreadable row fails here and goes to the dead-letter topic.
        Member member = LegacyMemberTranslator.member(event.row());
        SourceVersion version = event.version(LegacyMemberTranslator.VERSION);
        if (!versions.claim(LegacyMemberTranslator.TABLE, Long.toString(member.id()), version)) {
            log.debug("Skipping stale {} event for member {} at {}", event.operation(), member.id(), version);
            return;
        }
        members.save(event.isDelete() ? member.asDeleted(member.updatedAt()) : member);
    }
}
