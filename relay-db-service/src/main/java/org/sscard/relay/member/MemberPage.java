package org.sscard.relay.member;

import java.util.List;

/** One page of an insurer's members; {@code total}: how many memberships the insurer has in all. */
public record MemberPage(List<Member> items, int page, int size, long total) {}
