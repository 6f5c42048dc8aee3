package org.sscard.relay.member;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.provider.ProviderRef;
import org.sscard.relay.provider.ProviderRegistry;

/**
 * An insurer's members: the persons its mappings name (a suspended or removed link is no membership); listing logs
 * one row per member shown. Who may call is the controller's check (the insurer's own administrator only).
 */
@Service
class MemberService {

    private final MemberRepository members;
    private final ProviderRegistry providers;
    private final AccessLog accessLog;

    MemberService(MemberRepository members, ProviderRegistry providers, AccessLog accessLog) {
        this.members = members;
        this.providers = providers;
        this.accessLog = accessLog;
    }

    @Transactional
    public MemberPage list(String providerKey, int page, int size) {
        ProviderRef provider = providers.requireRef(providerKey);
        List<MemberRepository.Row> rows = members.page(provider.id(), page, size);
        rows.stream()
                .mapToLong(MemberRepository.Row::personId)
                .distinct()
                .forEach(person ->
                        accessLog.record(person, AccessAction.MEMBERS_READ, "insurer member list", providerKey));
        return new MemberPage(
                rows.stream().map(MemberRepository.Row::member).toList(), page, size, members.count(provider.id()));
    }
}
