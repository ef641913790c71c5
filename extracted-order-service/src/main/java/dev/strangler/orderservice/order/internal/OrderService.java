package dev.strangler.orderservice.order.internal;

import dev.strangler.orderservice.order.Order;
import dev.strangler.orderservice.order.OrderEvent;
import dev.strangler.orderservice.order.OrderLine;
import dev.strangler.orderservice.order.OrderStatus;
import dev.strangler.orderservice.order.persistence.OrderRepository;
import dev.strangler.orderservice.order.replication.LegacyOrderTranslator;
import dev.strangler.orderservice.replica.MemberReplica;
import dev.strangler.orderservice.stock.PendingStock;
import dev.strangler.orderservice.stock.ReservedStock;
import dev.strangler.orderservice.stock.StockKeeper;
import dev.strangler.service.changefeed.SourceVersion;
import dev.strangler.service.changefeed.VersionGuard;
import dev.strangler.service.outbox.Outbox;
import dev.strangler.service.ownership.OwnershipService;
import dev.strangler.web.problem.NotFoundException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order use cases. Placing an order spans two systems: stock is reserved at the monolith line by line (in
 * product id order, as the monolith locks it), then the order, its outbox event and its version commit in one
 * local transaction. If anything fails after a reservation, the reservations are released; if the process dies
 * instead, the pending-stock rows let the recovery job release them.
 */
@Service
public class OrderService {

    private static final PlacementHooks NO_HOOKS = reserved -> { };

    private final OrderRepository orders;
    private final MemberReplica members;
    private final StockKeeper stock;
    private final OwnershipService ownership;
    private final Outbox outbox;
    private final VersionGuard versions;
    private final TransactionTemplate transactions;
    private final ObjectProvider<PlacementHooks> hooks;
    private final Clock clock = Clock.systemUTC();

    OrderService(OrderRepository orders, MemberReplica members, StockKeeper stock, OwnershipService ownership,
                 Outbox outbox, VersionGuard versions, TransactionTemplate transactions,
                 ObjectProvider<PlacementHooks> hooks) {
        this.orders = orders;
        this.members = members;
        this.stock = stock;
        this.ownership = ownership;
        this.outbox = outbox;
        this.versions = versions;
        this.transactions = transactions;
        this.hooks = hooks;
    }

    public Order place(long memberId, String shippingAddress, List<NewOrderLine> lines) {
        ownership.requireServiceOwnsWrites();
        if (!members.isActive(memberId)) {
            throw memberNotFound(memberId);
        }
        List<PendingStock> held = new ArrayList<>();
        ReservedStock[] reserved = new ReservedStock[lines.size()];
        try {
            List<Integer> byProduct = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                byProduct.add(i);
            }
            byProduct.sort(Comparator.comparing(i -> lines.get(i).productId()));
            for (int i : byProduct) {
                PendingStock intent = StockKeeper.intent(lines.get(i).productId(), lines.get(i).quantity());
                held.add(intent);
                reserved[i] = stock.reserve(intent);
            }
            hooks.getIfAvailable(() -> NO_HOOKS).afterStockReserved(List.of(reserved));
            return transactions.execute(status -> write(memberId, shippingAddress, reserved, held));
        } catch (RuntimeException e) {
            // Compensation: nothing of this order is committed, so every unit taken for it goes back.
            held.forEach(stock::giveBack);
            throw e;
        }
    }

    private Order write(long memberId, String shippingAddress, ReservedStock[] reserved, List<PendingStock> held) {
        // Re-checked under a share lock: a soft delete replicated meanwhile wins, as in the monolith.
        if (!members.lockActive(memberId)) {
            throw memberNotFound(memberId);
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < reserved.length; i++) {
            lines.add(new OrderLine(i + 1, reserved[i].productId(), reserved[i].quantity(), reserved[i].unitPrice(),
                    reserved[i].reservationId()));
        }
        BigDecimal total = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = now();
        Order draft = new Order(0, memberId, OrderStatus.ORDERED, now, total, shippingAddress, now, lines);
        Order order = orders.find(orders.insert(draft)).orElseThrow();
        stock.claim(held);
        return written(new OrderEvent.OrderPlaced(order));
    }

    public Order get(long id) {
        return orders.find(id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    /** Orders of an active member, oldest first. */
    public List<Order> ofMember(long memberId) {
        if (!members.isActive(memberId)) {
            throw memberNotFound(memberId);
        }
        return orders.findByMember(memberId);
    }

    /** ORDERED to CANCELLED; the order's units go back to the monolith after the commit (retried if that fails). */
    public Order cancel(long id) {
        ownership.requireServiceOwnsWrites();
        List<PendingStock> giveBack = new ArrayList<>();
        Order cancelled = transactions.execute(status -> {
            Order order = orders.lock(id).orElseThrow(() -> new NotFoundException("Order", id));
            if (order.status() != OrderStatus.ORDERED) {
                throw new OrderNotCancellableException(id, order.status());
            }
            Order changed = order.withStatus(OrderStatus.CANCELLED, now());
            orders.save(changed);
            for (OrderLine line : changed.lines()) {
                PendingStock units = unitsToGiveBack(changed.id(), line);
                stock.scheduleGiveBack(units);
                giveBack.add(units);
            }
            return written(new OrderEvent.OrderCancelled(changed));
        });
        giveBack.forEach(stock::giveBack);
        return cancelled;
    }

    /**
     * A line placed here releases its reservation. A line placed in the monolith took its stock directly, so its
     * units are returned under an id derived from the line: a retried cancel cannot return them twice.
     */
    private static PendingStock unitsToGiveBack(long orderId, OrderLine line) {
        if (line.reservationId() != null) {
            return new PendingStock(line.reservationId(), line.productId(), line.quantity(), PendingStock.Kind.RELEASE);
        }
        UUID returnId = UUID.nameUUIDFromBytes(("order/" + orderId + "/line/" + line.seq() + "/cancel")
                .getBytes(StandardCharsets.UTF_8));
        return new PendingStock(returnId, line.productId(), line.quantity(), PendingStock.Kind.RETURN);
    }

    private Order written(OrderEvent event) {
        Order order = event.order();
        versions.recordServiceWrite(LegacyOrderTranslator.ORDER_TABLE, Long.toString(order.id()),
                SourceVersion.ofServiceWrite(order.updatedAt()));
        outbox.append(event);
        return order;
    }

    // Milliseconds, as the DATETIME(3) columns and the legacy UPD_DT keep them: what is returned is what is stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException memberNotFound(long id) {
        return new NotFoundException("Member", id);
    }
}
