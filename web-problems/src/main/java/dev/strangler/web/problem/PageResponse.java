package dev.strangler.web.problem;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with what a client needs to fetch the rest.
 *
 * @param content       the items of this page
 * @param page          zero-based page number
 * @param size          the requested page size
 * @param totalElements items over all pages
 * @param totalPages    number of pages of {@code size}
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(List<T> content, int page, int size, long totalElements) {
        return new PageResponse<>(content, page, size, totalElements, (int) ((totalElements + size - 1) / size));
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages);
    }
}
