package dev.strangler.orderservice.replica;

import dev.strangler.orderservice.changefeed.ChangeEvent;
import dev.strangler.orderservice.changefeed.LegacyRow;
import dev.strangler.orderservice.changefeed.UnreadableEventException;
import dev.strangler.orderservice.changefeed.VersionGuard;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The anti-corruption layer for the member and product rows the order service keeps: translate, check the
 * version, upsert, in one transaction. Deletes (soft or hard) keep the row, flagged, so a replayed older event
 * cannot bring it back.
 */
@Component
class ReplicaReplicator {

    private final MemberReplica members;
    private final ProductReplica products;
    private final VersionGuard versions;

    ReplicaReplicator(MemberReplica members, ProductReplica products, VersionGuard versions) {
        this.members = members;
        this.products = products;
        this.versions = versions;
    }

    @Transactional
    public void applyMember(ChangeEvent event) {
        LegacyRow row = event.row();
        long id = row.longValue("MBR_NO");
        boolean deleted = event.isDelete() || switch (row.text("DEL_YN")) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new UnreadableEventException("TB_MEMBER.DEL_YN has unknown flag '" + row.text("DEL_YN") + "'");
        };
        if (versions.claim("TB_MEMBER", Long.toString(id), event.version("UPD_DT"))) {
            members.save(id, deleted, row.instant("UPD_DT"));
        }
    }

    @Transactional
    public void applyProduct(ChangeEvent event) {
        LegacyRow row = event.row();
        ProductReplica.Product product = new ProductReplica.Product(row.longValue("PRD_NO"), row.text("PRD_NM"),
                row.decimal("UNIT_PRC"), row.intValue("STOCK_QTY"));
        if (versions.claim("TB_PRODUCT", Long.toString(product.id()), event.version("UPD_DT"))) {
            products.save(product, event.isDelete(), row.instant("UPD_DT"));
        }
    }
}
