package dev.strangler.memberservice.member;

/**
 * The filters of the member list.
 *
 * @param grade only members of this grade, or all when null
 * @param text  a part of the name, login id or e-mail address, or null
 * @param page  zero-based page number
 * @param size  page size
 */
public record MemberQuery(Grade grade, String text, int page, int size) {

    public long offset() {
        return (long) page * size;
    }
}
