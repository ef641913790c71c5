package dev.strangler.playbook.seed;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Realistic members for a Korean shop with customers abroad: most names Korean (Hangul), then English, then a
 * mix of other scripts and accents, so that every character path (utf8mb4, JSON, Kafka) is exercised.
 */
final class SampleMembers {

    private static final String[][] KOREAN_FAMILY = {
            {"김", "kim"}, {"이", "lee"}, {"박", "park"}, {"최", "choi"}, {"정", "jung"}, {"강", "kang"},
            {"조", "cho"}, {"윤", "yoon"}, {"장", "jang"}, {"임", "lim"}, {"한", "han"}, {"오", "oh"},
            {"서", "seo"}, {"신", "shin"}, {"권", "kwon"}, {"황", "hwang"}, {"안", "ahn"}, {"송", "song"}};
    private static final String[][] KOREAN_GIVEN = {
            {"민준", "minjun"}, {"서연", "seoyeon"}, {"도윤", "doyoon"}, {"하은", "haeun"}, {"시우", "siwoo"},
            {"지우", "jiwoo"}, {"서준", "seojun"}, {"하윤", "hayoon"}, {"예준", "yejun"}, {"지민", "jimin"},
            {"주원", "juwon"}, {"수아", "sua"}, {"지호", "jiho"}, {"채원", "chaewon"}, {"건우", "gunwoo"},
            {"영숙", "youngsook"}, {"상철", "sangchul"}, {"미경", "mikyung"}};
    private static final String[] ENGLISH_FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer",
            "Michael", "Linda", "David", "Emma", "Oliver", "Sophia", "Liam", "Olivia"};
    private static final String[] ENGLISH_LAST = {"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies",
            "Evans", "Thomas", "Walker", "Wright", "Miller", "Moore"};
    private static final String[][] OTHER = {
            {"佐藤 花子", "hanako.sato"}, {"鈴木 一郎", "ichiro.suzuki"}, {"王伟", "wei.wang"}, {"李娜", "na.li"},
            {"José Álvarez", "jose.alvarez"}, {"María José García", "mariajose.garcia"},
            {"Jürgen Müller", "juergen.mueller"}, {"Zoë Lefèvre", "zoe.lefevre"}, {"Nguyễn Văn An", "an.nguyen"},
            {"Ødegaard Søren", "soren.odegaard"}, {"Дмитрий Иванов", "dmitry.ivanov"}, {"Ayşe Yılmaz", "ayse.yilmaz"}};
    private static final String[] DOMAINS = {"example.com", "example.kr", "example.net", "example.org",
            "mail.example.co.kr"};
    private static final long TEN_YEARS_MS = 10L * 365 * 24 * 3600 * 1000;

    private SampleMembers() {
    }

    /** The member numbered {@code id}; the running number in the login id keeps it unique across runs. */
    static SeedMember member(long id, SplittableRandom random) {
        String name;
        String loginBase;
        int script = random.nextInt(100);
        if (script < 60) {
            String[] family = pick(KOREAN_FAMILY, random);
            String[] given = pick(KOREAN_GIVEN, random);
            name = family[0] + given[0];
            loginBase = given[1] + "." + family[1];
        } else if (script < 85) {
            String first = ENGLISH_FIRST[random.nextInt(ENGLISH_FIRST.length)];
            String last = ENGLISH_LAST[random.nextInt(ENGLISH_LAST.length)];
            name = first + " " + last;
            loginBase = (first + "." + last).toLowerCase(java.util.Locale.ROOT);
        } else {
            String[] other = pick(OTHER, random);
            name = other[0];
            loginBase = other[1];
        }
        String loginId = loginBase + "_" + id;
        String email = loginBase + id + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
        LocalDateTime joined = SeedPlan.HISTORY_END.minusNanos(random.nextLong(TEN_YEARS_MS) * 1_000_000);
        return new SeedMember(id, loginId, name, email, phone(script < 60, random), grade(random), joined,
                between(joined, SeedPlan.HISTORY_END, random), random.nextInt(100) < 2);
    }

    /** A moment between two others, at millisecond precision like DATETIME(3). */
    static LocalDateTime between(LocalDateTime from, LocalDateTime to, SplittableRandom random) {
        long span = java.time.Duration.between(from, to).toMillis();
        return span <= 0 ? from : from.plusNanos(random.nextLong(span) * 1_000_000);
    }

    private static String phone(boolean korean, SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        String local = String.format("%04d-%04d", random.nextInt(10_000), random.nextInt(10_000));
        return korean || kind < 5 ? "010-" + local : "+82 10-" + local;
    }

    private static String grade(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 60 ? "B" : roll < 85 ? "S" : roll < 97 ? "G" : "V";
    }

    private static String[] pick(String[][] pairs, SplittableRandom random) {
        return pairs[random.nextInt(pairs.length)];
    }
}
