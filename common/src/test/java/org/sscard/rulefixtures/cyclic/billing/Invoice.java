package org.sscard.rulefixtures.cyclic.billing;

import org.sscard.rulefixtures.cyclic.orders.Order;

/** Depends back on the package that depends on it: the cycle the rule must find. */
public record Invoice(Order order) {}
