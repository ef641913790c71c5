package dev.strangler.diff;

import java.util.List;

/**
 * What two answers to the same request are compared on, besides the status, which must always match.
 *
 * @param ignorePaths     JSON paths left out of the comparison: {@code $.createdAt}, {@code $.items[*].id},
 *                        {@code $..updatedAt} (any depth), {@code $.meta.*} (any member)
 * @param compareHeaders  response headers compared (Content-Type by media type only)
 * @param unorderedArrays JSON paths of arrays compared as multisets, e.g. {@code $.content}
 */
public record DiffRules(List<String> ignorePaths, List<String> compareHeaders, List<String> unorderedArrays) {

    public DiffRules {
        ignorePaths = List.copyOf(ignorePaths);
        compareHeaders = List.copyOf(compareHeaders);
        unorderedArrays = List.copyOf(unorderedArrays);
    }
}
