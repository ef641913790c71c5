package dev.strangler.playbook.seed;

import java.util.SplittableRandom;

/** Product names in Korean and English with a model code, prices from 1,000.00 to 300,000.00. */
final class SampleCatalogue {

    private static final String[] ITEMS = {"무선 키보드", "기계식 키보드", "블루투스 스피커", "노트북 거치대", "텀블러 500ml",
            "유기농 녹차", "제주 감귤 5kg", "운동화", "백팩", "전기포트", "USB-C Cable", "Desk Lamp", "Coffee Beans 1kg",
            "Yoga Mat", "Water Bottle", "Notebook A5", "Wireless Mouse", "Monitor Arm", "Rice Cooker", "Hand Cream"};
    private static final String[] BRANDS = {"한빛", "Sejong", "Nara", "Blue Harbor", "Hanok", "Kestrel"};

    private SampleCatalogue() {
    }

    static String name(SplittableRandom random) {
        return BRANDS[random.nextInt(BRANDS.length)] + " " + ITEMS[random.nextInt(ITEMS.length)] + " "
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + "-" + (100 + random.nextInt(900));
    }

    /** The price in cents: whole hundreds from 1,000 to 299,900, a quarter of them ending in 90 as sale prices do. */
    static long priceCents(SplittableRandom random) {
        long price = 100L * random.nextInt(10, 3_000);
        if (random.nextInt(4) == 0) {
            price -= 10;
        }
        return price * 100;
    }

    static int stock(SplittableRandom random) {
        return random.nextInt(20) == 0 ? 0 : random.nextInt(1, 2_000);
    }
}
