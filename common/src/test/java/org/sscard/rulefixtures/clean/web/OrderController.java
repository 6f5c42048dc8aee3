package org.sscard.rulefixtures.clean.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.rulefixtures.clean.orders.Order;

@RestController
public class OrderController {

    @GetMapping("/orders/{id}")
    @PreAuthorize("hasAuthority('ORDER_READ')")
    public String order(String id) {
        return new Order(id, null).bill().orderId();
    }
}
