package dev.strangler.monolith.member;

/**
 * The filters of {@code GET /api/members}.
 *
 * @param grade only members of this grade, or all when null
 * @param text  a part of the name, login id or e-mail address, or null
 * @param page  zero-based page number
 * @param size  page size
 */
record MemberSearch(MemberGrade grade, String text, int page, int size) {

    long offset() {
        return (long) page * size;
    }

    /** The LIKE pattern for {@code text}, with LIKE's own wildcards taken literally. */
    String likePattern() {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
