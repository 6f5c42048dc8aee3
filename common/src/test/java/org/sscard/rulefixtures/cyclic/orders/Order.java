package org.sscard.rulefixtures.cyclic.orders;

import org.sscard.rulefixtures.cyclic.billing.Invoice;

public record Order(String id) {

    public Invoice bill() {
        return new Invoice(this);
    }
}
