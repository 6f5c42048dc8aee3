package org.sscard.rulefixtures.clean.orders;

import org.sscard.common.provider.ProviderKey;
import org.sscard.rulefixtures.clean.billing.Invoice;

public record Order(String id, ProviderKey provider) {

    public Invoice bill() {
        return new Invoice(id);
    }
}
