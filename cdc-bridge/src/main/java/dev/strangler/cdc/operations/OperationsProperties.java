package dev.strangler.cdc.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operations API's own token, besides the named ones of {@code kit.control.tokens}.
 *
 * @param token the kit's operator token, named {@code kit} in the audit ({@code CDC_OPERATIONS_TOKEN}, by default
 *              {@code PROXY_ADMIN_TOKEN}, which {@code kit up} gives every part); empty for none
 */
@ConfigurationProperties("kit.cdc.operations")
public record OperationsProperties(String token) {

    public OperationsProperties {
        token = token == null ? "" : token;
    }

    @Override
    public String toString() {
        return "OperationsProperties[token=****]";
    }
}
