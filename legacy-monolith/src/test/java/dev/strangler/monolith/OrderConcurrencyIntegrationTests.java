package dev.strangler.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Twenty clients race for the last ten units over real HTTP: exactly ten win, stock never goes negative. */
class OrderConcurrencyIntegrationTests extends MonolithIntegrationTest {

    private static final int CLIENTS = 20;
    private static final int UNITS = 10;

    @Test
    void parallelOrdersNeverOversell() throws Exception {
        RestClient http = http();
        long productId = TestData.product(http, "마지막 재고 " + uniqueLoginId("p"), "15000.00", UNITS);
        long memberId = TestData.member(http, uniqueLoginId("racer"), "Race Condition");

        List<Integer> statuses = orderInParallel(http, memberId, productId);

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(UNITS);
        assertThat(jdbc.sql("SELECT STOCK_QTY FROM TB_PRODUCT WHERE PRD_NO = ?").param(productId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(QTY), 0) FROM TB_ORDER_ITEM WHERE PRD_NO = ?").param(productId)
                .query(Integer.class).single()).isEqualTo(UNITS);
        // The refused orders were rolled back whole: no order header without items.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM TB_ORDER WHERE MBR_NO = ?").param(memberId)
                .query(Integer.class).single()).isEqualTo(UNITS);
    }

    private static List<Integer> orderInParallel(RestClient http, long memberId, long productId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return http.post().uri("/api/orders").body(TestData.order(memberId, productId, 1))
                            .retrieve().toBodilessEntity().getStatusCode().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
