package dev.strangler.playbook.seed;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Orders with a believable history: placed after the member joined, mostly shipped when old, still open only
 * when recent, and never open for a member who has since left (the monolith refuses that state).
 */
final class SampleOrders {

    private static final String ORDERED = "10";
    private static final String PAID = "20";
    private static final String SHIPPED = "30";
    private static final String CANCELLED = "90";
    private static final String[] ADDRESSES = {"서울특별시 강남구 테헤란로 %d", "서울특별시 마포구 월드컵북로 %d",
            "부산광역시 해운대구 해운대해변로 %d", "경기도 성남시 분당구 판교역로 %d", "대구광역시 중구 동성로 %d",
            "%d Main Street, Springfield", "%d Baker Street, London", "Calle Mayor %d, Madrid"};
    private static final int KOREAN_ADDRESSES = 5;

    private SampleOrders() {
    }

    static SeedOrder order(long id, SeededMembers members, long firstProductId, long[] priceCents,
                           SplittableRandom random) {
        int member = random.nextInt(members.count());
        LocalDateTime orderedAt = SampleMembers.between(members.joinedAt(member), SeedPlan.HISTORY_END, random);
        String status = status(orderedAt, members.deleted(member), random);
        LocalDateTime updatedAt = ORDERED.equals(status) ? orderedAt : SampleMembers.between(orderedAt,
                min(orderedAt.plusDays(10), SeedPlan.HISTORY_END), random);
        return new SeedOrder(id, members.id(member), status, orderedAt, updatedAt, address(random),
                items(firstProductId, priceCents, random));
    }

    private static List<SeedOrder.Item> items(long firstProductId, long[] priceCents, SplittableRandom random) {
        int count = Math.min(1 + random.nextInt(3), priceCents.length);
        List<SeedOrder.Item> items = new ArrayList<>(count);
        List<Integer> chosen = new ArrayList<>(count);
        while (items.size() < count) {
            int product = random.nextInt(priceCents.length);
            if (!chosen.contains(product)) {
                chosen.add(product);
                int quantity = random.nextInt(10) < 7 ? 1 : random.nextInt(2, 6);
                items.add(new SeedOrder.Item(items.size() + 1, firstProductId + product, quantity, priceCents[product]));
            }
        }
        return items;
    }

    private static String status(LocalDateTime orderedAt, boolean memberDeleted, SplittableRandom random) {
        int roll = random.nextInt(100);
        if (memberDeleted || orderedAt.isBefore(SeedPlan.HISTORY_END.minusDays(14))) {
            return roll < 90 ? SHIPPED : CANCELLED;
        }
        return roll < 35 ? ORDERED : roll < 65 ? PAID : roll < 90 ? SHIPPED : CANCELLED;
    }

    private static String address(SplittableRandom random) {
        int pattern = random.nextInt(ADDRESSES.length);
        String street = String.format(ADDRESSES[pattern], 1 + random.nextInt(400));
        boolean apartment = pattern < KOREAN_ADDRESSES && random.nextBoolean();
        return apartment ? street + ", " + (101 + random.nextInt(20)) + "동 " + (101 + random.nextInt(1500)) + "호"
                : street;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
