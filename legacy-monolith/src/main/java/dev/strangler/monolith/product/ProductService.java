package dev.strangler.monolith.product;

import dev.strangler.web.problem.NotFoundException;
import dev.strangler.web.problem.PageResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Product transaction scripts; the order module calls the stock methods directly, inside its transaction. */
@Service
@Transactional
public class ProductService {

    private final ProductRepository products;

    ProductService(ProductRepository products) {
        this.products = products;
    }

    Product create(ProductRequest request) {
        return get(products.insert(request));
    }

    public Product get(long id) {
        return products.find(id).orElseThrow(() -> new NotFoundException("Product", id));
    }

    @Transactional(readOnly = true)
    PageResponse<Product> list(String nameContains, int page, int size) {
        return PageResponse.of(products.list(nameContains, page, size), page, size, products.count(nameContains));
    }

    Product update(long id, ProductRequest request) {
        if (products.update(id, request) == 0) {
            throw new NotFoundException("Product", id);
        }
        return get(id);
    }

    /**
     * Takes units out of stock for an order and returns the product at its current price. Throws, so that the
     * caller's transaction rolls back, when the product does not exist or has too few units.
     */
    public Product reserveStock(long id, int quantity) {
        if (!products.decrementStock(id, quantity)) {
            Product product = get(id);
            throw new InsufficientStockException(id, quantity, product.stockQuantity());
        }
        return get(id);
    }

    /** Puts the units of a cancelled order back. */
    public void restoreStock(long id, int quantity) {
        products.incrementStock(id, quantity);
    }
}
