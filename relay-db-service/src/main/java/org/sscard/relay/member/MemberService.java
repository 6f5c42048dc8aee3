package org.sscard.relay.member;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.mapping.MappingRequests;
import org.sscard.relay.mapping.MappingService;
import org.sscard.relay.mapping.MappingView;
import org.sscard.relay.mapping.ProviderLocalId;
import org.sscard.relay.person.PersonRef;
import org.sscard.relay.person.PersonService;
import org.sscard.relay.provider.IdScheme;
import org.sscard.relay.provider.ProviderDefinition;
import org.sscard.relay.provider.ProviderRef;
import org.sscard.relay.provider.ProviderRegistry;

/**
 * An insurer's members: the persons its mappings name. Enrolling and ending go through the mapping service (the
 * same checks and the same access-log rows as the city office's mapping API); listing logs one row per member shown.
 * Who may call is the controller's check (the insurer's own administrator only).
 */
@Service
class MemberService {

    private final MemberRepository members;
    private final ProviderRegistry providers;
    private final PersonService persons;
    private final MappingService mappings;
    private final AccessLog accessLog;

    MemberService(
            MemberRepository members,
            ProviderRegistry providers,
            PersonService persons,
            MappingService mappings,
            AccessLog accessLog) {
        this.members = members;
        this.providers = providers;
        this.persons = persons;
        this.mappings = mappings;
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

    @Transactional
    public Member enrol(String providerKey, MemberRequests.Enrol request) {
        ProviderDefinition provider = providers.require(providerKey);
        PersonRef person = persons.match(request.provisionalSsn(), request.dateOfBirth(), request.nameKana())
                .orElseThrow(() -> new RelayException(
                        RelayError.PERSON_NOT_FOUND,
                        "no person has this provisional SSN, date of birth and kana name together"));
        MappingView mapping = mappings.register(
                person.opaqueId(),
                new MappingRequests.RegisterMapping(providerKey, localId(provider, request), request.validFrom(), null),
                purpose("insurer enrolment", request.reason()));
        return require(providerKey, mapping.id());
    }

    @Transactional
    public Member end(String providerKey, UUID mappingId, MemberRequests.End request) {
        Member member = require(providerKey, mappingId);
        mappings.end(
                member.personId(),
                mappingId,
                new MappingRequests.EndMapping(request.validTo(), request.reason()),
                purpose("insurer end of membership", request.reason()));
        return require(providerKey, mappingId);
    }

    private Member require(String providerKey, UUID mappingId) {
        return members.byMapping(providers.requireRef(providerKey).id(), mappingId)
                .map(MemberRepository.Row::member)
                .orElseThrow(() -> new RelayException(
                        RelayError.MAPPING_NOT_FOUND, "'" + providerKey + "' has no such membership"));
    }

    /** The insurer's ID for the member; the mapping service normalises and checks it against the scheme. */
    private static ProviderLocalId localId(ProviderDefinition provider, MemberRequests.Enrol request) {
        if (provider.idScheme() == IdScheme.LOCAL_NUMBER) {
            return new ProviderLocalId(
                    null,
                    request.insuranceSymbol(),
                    request.insuranceNumber(),
                    request.insuranceBranch(),
                    request.localNumber());
        }
        if (provider.insurerNumber() == null) {
            throw new RelayException(
                    RelayError.INSURER_NUMBER_UNKNOWN, "'" + provider.key() + "' has no insurer-number configured");
        }
        return new ProviderLocalId(
                provider.insurerNumber(),
                request.insuranceSymbol(),
                request.insuranceNumber(),
                request.insuranceBranch(),
                request.localNumber());
    }

    private static String purpose(String what, String reason) {
        String purpose = reason == null || reason.isBlank() ? what : what + ": " + reason.strip();
        return purpose.length() > 200 ? purpose.substring(0, 200) : purpose;
    }
}
