package dev.strangler.monolith.order;

import dev.strangler.monolith.member.MemberService;
import dev.strangler.monolith.product.Product;
import dev.strangler.monolith.product.ProductService;
import dev.strangler.web.problem.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order transaction scripts. Placing an order locks the member, takes stock from each product and writes the
 * order in one transaction, calling the member and product services directly: any failure rolls all of it back.
 */
@Service
@Transactional
public class OrderService {

    private final OrderRepository orders;
    private final MemberService members;
    private final ProductService products;

    OrderService(OrderRepository orders, MemberService members, ProductService products) {
        this.orders = orders;
        this.members = members;
        this.products = products;
    }

    Order place(PlaceOrderRequest request) {
        members.lockActiveMember(request.memberId());
        List<PlaceOrderRequest.Line> lines = request.items();
        BigDecimal[] prices = new BigDecimal[lines.size()];
        // Stock rows are locked in product id order whatever the line order, so two orders can never deadlock.
        List<Integer> byProduct = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byProduct.add(i);
        }
        byProduct.sort(Comparator.comparing(i -> lines.get(i).productId()));
        for (int i : byProduct) {
            Product product = products.reserveStock(lines.get(i).productId(), lines.get(i).quantity());
            prices[i] = product.unitPrice();
        }
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            items.add(new OrderItem(i + 1, lines.get(i).productId(), lines.get(i).quantity(), prices[i]));
        }
        BigDecimal total = items.stream().map(OrderItem::lineAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long orderId = orders.insert(request.memberId(), total, request.shippingAddress());
        items.forEach(item -> orders.insertItem(orderId, item));
        return get(orderId);
    }

    @Transactional(readOnly = true)
    Order get(long id) {
        return orders.find(id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    /** Orders of an active member, oldest first. */
    @Transactional(readOnly = true)
    List<Order> ofMember(long memberId) {
        members.requireActiveMember(memberId);
        return orders.findByMember(memberId);
    }

    /** ORDERED to CANCELLED, and the units go back to stock; the status check and change are one statement. */
    Order cancel(long id) {
        Order order = get(id);
        if (!orders.changeStatus(id, OrderStatus.ORDERED, OrderStatus.CANCELLED)) {
            throw new OrderNotCancellableException(id, get(id).status());
        }
        order.items().forEach(item -> products.restoreStock(item.productId(), item.quantity()));
        return get(id);
    }
}
