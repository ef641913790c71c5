package dev.strangler.orderservice.replica;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.LegacyRow;
import dev.strangler.service.changefeed.ReplicatedTable;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The anti-corruption layer for the product rows the order service keeps. A delete keeps the row, flagged, so a
 * replayed older event cannot bring it back.
 */
@Component
class ProductReplicaReplicator implements ReplicatedTable<ProductReplica.State> {

    private final ProductReplica products;

    ProductReplicaReplicator(ProductReplica products) {
        this.products = products;
    }

    @Override
    public String name() {
        return "TB_PRODUCT";
    }

    @Override
    public Change<ProductReplica.State> translate(ChangeEvent event) {
        LegacyRow row = event.row();
        ProductReplica.Product product = new ProductReplica.Product(row.longValue("PRD_NO"), row.text("PRD_NM"),
                row.decimal("UNIT_PRC"), row.intValue("STOCK_QTY"));
        return Change.of(event, Long.toString(product.id()), "UPD_DT",
                new ProductReplica.State(product, event.isDelete(), row.instant("UPD_DT")));
    }

    @Override
    public void write(List<Change<ProductReplica.State>> newest) {
        products.saveAll(newest.stream().map(Change::value).toList());
    }
}
