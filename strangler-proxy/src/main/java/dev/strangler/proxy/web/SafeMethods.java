package dev.strangler.proxy.web;

import org.springframework.http.HttpMethod;

/** RFC 9110's safe methods: a request the proxy may send twice, to a second side or to learn noise. */
public final class SafeMethods {

    private SafeMethods() {
    }

    public static boolean isSafe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    public static boolean isSafe(String method) {
        return isSafe(HttpMethod.valueOf(method));
    }
}
