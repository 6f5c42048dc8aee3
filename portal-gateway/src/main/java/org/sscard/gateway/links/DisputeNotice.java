package org.sscard.gateway.links;

/**
 * What "linked services" says once after the resident said "this is not me" (the link is stopped, the provider
 * checks), kept in the session between the POST and the page it redirects to: never taken from the URL.
 */
public record DisputeNotice(String providerNameJa, String providerNameEn) {}
