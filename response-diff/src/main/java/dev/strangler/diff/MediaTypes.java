package dev.strangler.diff;

import java.util.Locale;

/** The little of media types the comparison needs, without a web framework. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** {@code application/problem+json} from {@code Application/Problem+JSON; charset=UTF-8}. */
    static String typeAndSubtype(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    /** {@code application/json} and every {@code +json} type, such as RFC 9457's {@code application/problem+json}. */
    public static boolean isJson(String contentType) {
        String type = typeAndSubtype(contentType);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
