package org.sscard.rulefixtures.clean.billing;

/** Depends on nothing of orders: the dependency runs one way. */
public record Invoice(String orderId) {}
